/**
 * "Fix all hazards in the project": the server's `ecaLens.server.fixAll` (every preferred safe fix, never a suggestion,
 * as `--fix` applies them), then the files it changed are saved and what is left is reported.
 */
import type { ChecklistResult } from '../../../server/src/shared/protocol';
import { failingApps } from '../views/checklistModel';
import { plural } from '../views/rows';
import type { Ui } from './ports';

export interface FixAllDeps {
  ui: Ui;
  /** workspace/executeCommand `ecaLens.server.fixAll`; its result as the server returns it. */
  runServerFixAll(): Promise<unknown>;
  /** Save the documents the fixes changed; returns how many were saved. */
  saveChanged(): Promise<number>;
  checklist(): Promise<ChecklistResult | undefined>;
}

/** The number of fixes the server says it applied, when it says so. */
export function appliedCount(result: unknown): number | undefined {
  if (typeof result === 'number') return result;
  if (result && typeof result === 'object') {
    const o = result as Record<string, unknown>;
    for (const k of ['applied', 'fixes', 'count']) if (typeof o[k] === 'number') return o[k] as number;
  }
  return undefined;
}

export function fixAllMessage(applied: number | undefined, saved: number, checklist: ChecklistResult | undefined): string {
  const did = applied === undefined ? 'Applied the fixes' : applied === 0 ? 'Nothing to fix automatically' : `Applied ${plural(applied, 'fix', 'fixes')}`;
  const files = saved ? ` in ${plural(saved, 'file')}` : '';
  if (!checklist) return `ECA Lens: ${did}${files}.`;
  const failing = failingApps(checklist);
  if (!failing.length) return `ECA Lens: ${did}${files}. Every app passes the pre-packaging checklist.`;
  const left = failing.map((a) => `${a.app} (${a.items.filter((i) => i.status === 'fail').map((i) => i.label).join('; ')})`).join(', ');
  return `ECA Lens: ${did}${files}. Still failing, needs your input: ${left}.`;
}

/**
 * A fix can uncover the next hazard (a header set to Packaged then needs orgScopedExternalApp):
 * the server's fix-all runs again while it applies something, a few rounds at most.
 */
export const MAX_ROUNDS = 5;

export async function fixAll(deps: FixAllDeps): Promise<string> {
  let total: number | undefined;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const n = appliedCount(await deps.runServerFixAll());
    if (n === undefined) break;
    total = (total ?? 0) + n;
    if (n === 0) break;
  }
  const result = total;
  const saved = await deps.saveChanged();
  const checklist = await deps.checklist().catch(() => undefined);
  const message = fixAllMessage(appliedCount(result), saved, checklist);
  if (checklist && failingApps(checklist).length) void deps.ui.warn(message);
  else void deps.ui.info(message);
  return message;
}
