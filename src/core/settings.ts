import { isPlatform, PLATFORMS, type Platform } from './facts/platforms';
import { MAX_PORT } from './facts/ranges';
import { isRuleId, RULES, SEVERITY_SETTINGS, type RuleId, type SeveritySetting } from './rules/catalog';

/** An inclusive span of ports; a single port is `from === to`. */
export interface PortSpan {
  readonly from: number;
  readonly to: number;
}

/**
 * What the rules need to know, the same for the extension (from VS Code
 * settings) and the CLI (from a `.port-lens.json` file).
 */
export interface PortLensSettings {
  readonly rules: Readonly<Record<RuleId, SeveritySetting>>;
  /** Platforms whose privilege, ephemeral and AirPlay rules apply. */
  readonly platforms: readonly Platform[];
  readonly ignoredPorts: readonly PortSpan[];
}

export function defaultRuleSeverities(): Record<RuleId, SeveritySetting> {
  return Object.fromEntries(RULES.map((r) => [r.id, r.defaultSeverity])) as Record<RuleId, SeveritySetting>;
}

export function defaultSettings(platforms: readonly Platform[] = PLATFORMS): PortLensSettings {
  return { rules: defaultRuleSeverities(), platforms, ignoredPorts: [] };
}

export interface ParsedSettings {
  readonly settings: PortLensSettings;
  /** One message per value that was wrong and ignored; empty when all was well. */
  readonly problems: readonly string[];
}

/**
 * Reads settings from untrusted JSON-like input, keeping every valid value
 * and naming every invalid one. Never throws.
 *
 * @example
 * parseSettings({ rules: { 'privileged-port': 'off' }, ignoredPorts: [8080, '9000-9010'] }, 'x').problems; // []
 * parseSettings({ platforms: ['beos'] }, '.port-lens.json').problems;
 * // ['.port-lens.json: platforms[0] must be one of linux, macos, windows, got "beos"']
 */
export function parseSettings(raw: unknown, source: string, defaultPlatforms: readonly Platform[] = PLATFORMS): ParsedSettings {
  const problems: string[] = [];
  const rules = defaultRuleSeverities();
  let platforms: Platform[] = [...defaultPlatforms];
  const ignoredPorts: PortSpan[] = [];
  if (raw === undefined || raw === null) return { settings: { rules, platforms, ignoredPorts }, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { settings: { rules, platforms, ignoredPorts }, problems: [`${source}: settings must be an object, got ${describe(raw)}`] };
  }
  const obj = raw as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    if (!['rules', 'platforms', 'ignoredPorts'].includes(key)) problems.push(`${source}: unknown setting "${key}" (expected rules, platforms or ignoredPorts)`);
  }

  if (obj.rules !== undefined) {
    if (typeof obj.rules !== 'object' || obj.rules === null || Array.isArray(obj.rules)) {
      problems.push(`${source}: rules must be an object of rule id to severity, got ${describe(obj.rules)}`);
    } else {
      for (const [id, value] of Object.entries(obj.rules as Record<string, unknown>)) {
        if (!isRuleId(id)) {
          problems.push(`${source}: rules has unknown rule "${id}" (expected one of ${RULES.map((r) => r.id).join(', ')})`);
        } else if (typeof value !== 'string' || !(SEVERITY_SETTINGS as readonly string[]).includes(value)) {
          problems.push(`${source}: rules.${id} must be one of ${SEVERITY_SETTINGS.join(', ')}, got ${describe(value)}`);
        } else {
          rules[id] = value as SeveritySetting;
        }
      }
    }
  }

  if (obj.platforms !== undefined) {
    if (!Array.isArray(obj.platforms)) {
      problems.push(`${source}: platforms must be an array of ${PLATFORMS.join(', ')}, got ${describe(obj.platforms)}`);
    } else if (obj.platforms.length > 0) {
      const valid: Platform[] = [];
      obj.platforms.forEach((p: unknown, i: number) => {
        if (isPlatform(p)) valid.push(p);
        else problems.push(`${source}: platforms[${i}] must be one of ${PLATFORMS.join(', ')}, got ${describe(p)}`);
      });
      // An empty or all-invalid list means "the default", never "no platform".
      if (valid.length > 0) platforms = [...new Set(valid)];
    }
  }

  if (obj.ignoredPorts !== undefined) {
    if (!Array.isArray(obj.ignoredPorts)) {
      problems.push(`${source}: ignoredPorts must be an array of ports or "from-to" ranges, got ${describe(obj.ignoredPorts)}`);
    } else {
      obj.ignoredPorts.forEach((p: unknown, i: number) => {
        const span = parseSpan(p);
        if (span) ignoredPorts.push(span);
        else problems.push(`${source}: ignoredPorts[${i}] must be a port from 0 to ${MAX_PORT} or a range "from-to", got ${describe(p)}`);
      });
    }
  }
  return { settings: { rules, platforms, ignoredPorts }, problems };
}

function parseSpan(value: unknown): PortSpan | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_PORT) return { from: value, to: value };
  if (typeof value === 'string') {
    const m = /^\s*(\d{1,5})\s*(?:-\s*(\d{1,5}))?\s*$/.exec(value);
    if (!m) return undefined;
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (from <= to && to <= MAX_PORT) return { from, to };
  }
  return undefined;
}

export function isIgnoredPort(settings: PortLensSettings, port: number): boolean {
  return settings.ignoredPorts.some((s) => port >= s.from && port <= s.to);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
