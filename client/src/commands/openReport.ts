/**
 * "Open Integration Report": asks the server for the integration report (`ecaLens/report`, the
 * Markdown `eca-lens report` prints) and shows it in the Markdown preview. The project is the one
 * of the tree node or of the active editor when given; else every project of the workspace.
 */
import type { ReportParams, ReportResult } from '../../../server/src/shared/protocol';
import type { Ui } from './ports';

export interface OpenReportDeps {
  ui: Ui;
  /** The `ecaLens/report` request; undefined when the server is not running. */
  report(params: ReportParams): Promise<ReportResult | undefined>;
  /** Put the Markdown into the report document and open its preview. */
  show(markdown: string): Promise<void>;
}

/** The project a tree node belongs to (its `project.uri`), if any. */
export function projectUriOf(node: unknown): string | undefined {
  const uri = (node as { project?: { uri?: unknown } } | undefined)?.project?.uri;
  return typeof uri === 'string' ? uri : undefined;
}

/** Returns the Markdown shown, or undefined when there was nothing to show. */
export async function openReport(deps: OpenReportDeps, node?: unknown): Promise<string | undefined> {
  const uri = projectUriOf(node);
  const r = await deps.report(uri ? { uri } : {}).catch(() => undefined);
  if (!r || !r.markdown) {
    await deps.ui.warn('ECA Lens: the integration report is not available: the language server is not running (see ECA Lens: Show Output).');
    return undefined;
  }
  await deps.show(r.markdown);
  return r.markdown;
}
