import type * as sarif from 'sarif';
import { pathToUri, relativeUri } from '../../util/uri';
import { ALL_RULES } from '../../rules/index';
import { docsUrl } from '../../rules/kit';
import { relPath, type Report } from '../report';

const LEVEL: Record<string, sarif.ReportingConfiguration.level> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** The base code scanning resolves relative URIs against: the checkout, where the CLI runs. */
const SRCROOT = '%SRCROOT%';

/**
 * SARIF 2.1.0, one run, rules with help links; regions 1-based as SARIF wants. A file below the cwd
 * is a URI relative to %SRCROOT% (the cwd), so code scanning resolves it from the repository root
 * when the CLI runs there; a file outside the cwd is an absolute file URI with no base.
 */
export function formatSarif(r: Report, version: string): string {
  const index = new Map(ALL_RULES.map((x, i) => [x.id, i]));
  const location = (abs: string): sarif.ArtifactLocation => {
    const rel = relPath(r.cwd, abs);
    if (rel.startsWith('../') || rel === '..' || rel.startsWith('/')) return { uri: pathToUri(abs) };
    return { uri: relativeUri(r.cwd, abs), uriBaseId: SRCROOT };
  };
  const log: sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'ECA Lens',
            version,
            informationUri: 'https://github.com/eca-lens/eca-lens',
            rules: ALL_RULES.map((x) => ({
              id: x.id,
              name: x.id,
              shortDescription: { text: x.title },
              helpUri: docsUrl(x.id),
              defaultConfiguration: { level: LEVEL[x.defaultSeverity] },
            })),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToUri(r.cwd).replace(/\/?$/, '/') } },
        results: r.findings.map(({ finding: f }) => ({
          ruleId: f.ruleId,
          ruleIndex: index.get(f.ruleId),
          level: LEVEL[f.severity],
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: location(f.path),
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
