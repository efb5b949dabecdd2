/** Command ids, as contributed in package.json (a unit test checks both agree). */
export const COMMANDS = {
  lookup: 'portLens.lookup',
  showListening: 'portLens.showListening',
  ignorePort: 'portLens.ignorePort',
  showOutput: 'portLens.showOutput',
} as const;
