import type { Log, ReportingDescriptor, Result } from 'sarif';
import { RULES, ruleDocUrl, type Severity } from '../core/rules/catalog';
import type { Finding } from '../core/rules/check';

const LEVEL: Readonly<Record<Severity, Result.level>> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

export interface FileFindings {
  /** The path as given on the command line (joined with the walked path). */
  readonly file: string;
  readonly findings: readonly Finding[];
}

function toUri(file: string): string {
  return file.replace(/\\/g, '/').split('/').map(encodeURIComponent).join('/');
}

/**
 * SARIF 2.1.0 for code scanning: one run, every rule described, one result
 * per finding with 1-based line and column (SARIF counts UTF-16 code units
 * by default, as we do).
 */
export function toSarif(files: readonly FileFindings[], version: string): Log {
  const rules: ReportingDescriptor[] = RULES.map((r) => ({
    id: r.id,
    name: r.id.replace(/(^|-)([a-z])/g, (_, _dash: string, c: string) => c.toUpperCase()),
    shortDescription: { text: r.title },
    helpUri: ruleDocUrl(r.id),
    defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
  }));
  const results: Result[] = [];
  for (const { file, findings } of files) {
    for (const f of findings) {
      results.push({
        ruleId: f.rule,
        ruleIndex: RULES.findIndex((r) => r.id === f.rule),
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: toUri(file) },
              region: { startLine: f.line + 1, startColumn: f.column + 1, endLine: f.line + 1, endColumn: f.column + 1 + f.length },
            },
          },
        ],
        ...(f.related
          ? {
              relatedLocations: f.related.map((r, i) => ({
                id: i,
                message: { text: r.message },
                physicalLocation: {
                  artifactLocation: { uri: toUri(file) },
                  region: { startLine: r.line + 1, startColumn: r.column + 1, endColumn: r.column + 1 + r.length },
                },
              })),
            }
          : {}),
      });
    }
  }
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Port Lens', version, informationUri: 'https://github.com/port-lens/port-lens', rules } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}
