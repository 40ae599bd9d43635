import { ALL_RULES } from '../../rules/index';
import { docsUrl } from '../../rules/kit/types';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { pathToUri } from '../../util/uri';
import type { Report } from './text';

const LEVEL: Record<string, Result.level> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** SARIF 2.1.0, one run, rules with help links; regions 1-based as SARIF wants. */
export function formatSarif(r: Report, version: string): string {
  const index = new Map(ALL_RULES.map((x, i) => [x.id, i]));
  const rules: ReportingDescriptor[] = ALL_RULES.map((x) => ({
    id: x.id,
    name: x.id,
    shortDescription: { text: x.title },
    helpUri: docsUrl(x.id),
    defaultConfiguration: { level: LEVEL[x.defaultSeverity] },
  }));
  const base = pathToUri(r.base);
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'ECA Lens',
            version,
            informationUri: 'https://github.com/eca-lens/eca-lens',
            rules,
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: base.endsWith('/') ? base : base + '/' } },
        results: r.findings.map(({ rel, finding: f }): Result => ({
          ruleId: f.ruleId,
          ruleIndex: index.get(f.ruleId),
          level: LEVEL[f.severity],
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: encodeURI(rel), uriBaseId: 'SRCROOT' },
                region: {
                  startLine: f.range.start.line + 1,
                  startColumn: f.range.start.character + 1,
                  endLine: f.range.end.line + 1,
                  endColumn: f.range.end.character + 1,
                },
              },
            },
          ],
        })),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
