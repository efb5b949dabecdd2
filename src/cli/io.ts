/** Where a CLI command writes; tests and main.ts pass their own. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly cwd: string;
}

/** Thrown for a bad command line; main.ts prints it and exits with status 2. */
export class UsageError extends Error {}
