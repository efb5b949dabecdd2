/** Severity of a finding, as VS Code and SARIF understand it. */
export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];
export const SEVERITY_SETTINGS: readonly SeveritySetting[] = [...SEVERITIES, 'off'];

export type RuleId =
  | 'invalid-port'
  | 'privileged-port'
  | 'ephemeral-port'
  | 'unassigned-well-known-port'
  | 'browser-unsafe-port'
  | 'macos-airplay-port'
  | 'duplicate-port'
  | 'nodeport-range'
  | 'yaml-sexagesimal'
  | 'malware-associated-port';

export interface RuleInfo {
  readonly id: RuleId;
  readonly defaultSeverity: Severity;
  /** One line, for settings and SARIF. */
  readonly title: string;
}

/** Every rule, in the order of docs/rules.md. */
export const RULES: readonly RuleInfo[] = [
  { id: 'invalid-port', defaultSeverity: 'error', title: 'Port outside 0-65535, or 0 where a fixed port is required' },
  { id: 'privileged-port', defaultSeverity: 'warning', title: 'Listening port below 1024 where the process is likely not root' },
  { id: 'ephemeral-port', defaultSeverity: 'warning', title: 'Listener inside the default ephemeral port range' },
  { id: 'unassigned-well-known-port', defaultSeverity: 'information', title: 'Well-known port that IANA has not assigned' },
  { id: 'browser-unsafe-port', defaultSeverity: 'warning', title: 'Port that browsers refuse to open' },
  { id: 'macos-airplay-port', defaultSeverity: 'warning', title: 'Port taken by AirPlay Receiver on macOS 12 and later' },
  { id: 'duplicate-port', defaultSeverity: 'warning', title: 'Same host port published twice' },
  { id: 'nodeport-range', defaultSeverity: 'warning', title: 'Kubernetes nodePort outside 30000-32767' },
  { id: 'yaml-sexagesimal', defaultSeverity: 'warning', title: 'Unquoted HOST:CONTAINER that YAML 1.1 reads as a base-60 number' },
  { id: 'malware-associated-port', defaultSeverity: 'information', title: 'Port historically used by well-known malware' },
];

export const RULE_IDS: readonly RuleId[] = RULES.map((r) => r.id);

export function isRuleId(value: unknown): value is RuleId {
  return typeof value === 'string' && (RULE_IDS as readonly string[]).includes(value);
}

/** Where each rule is documented; the diagnostic's `code` links here. */
export const RULES_DOC_URL = 'https://github.com/port-lens/port-lens/blob/main/docs/rules.md';

export function ruleDocUrl(id: RuleId): string {
  return `${RULES_DOC_URL}#${id}`;
}
