/**
 * Applying the fix of one finding from a view (tree hazard row, failing checklist item): the client
 * asks the editor for the code actions at the finding's range (the server's, over LSP) and picks
 * the one for that finding. Pure choice and loop here; the vscode calls live in the adapter.
 */
import { ClientCommands, ServerCommands, type FindingSummary, type Rng } from '../../../server/src/shared/protocol';

/** The parts of a code action the choice reads (vscode.CodeAction has them all). */
export interface ActionLike {
  title: string;
  isPreferred?: boolean;
  kind?: { value: string } | string;
  disabled?: { reason: string };
  command?: { command: string };
  diagnostics?: readonly { code?: string | number | { value: string | number }; range?: RangeLike }[];
}

interface RangeLike {
  start: { line: number; character: number };
}

export function diagnosticCode(code: string | number | { value: string | number } | undefined): string | undefined {
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

function kindOf(a: ActionLike): string {
  return typeof a.kind === 'string' ? a.kind : a.kind?.value ?? '';
}

/** Code actions about a rule rather than a fix: not candidates for "apply the fix". */
export const RULE_COMMANDS: ReadonlySet<string> = new Set([
  ClientCommands.disableRule,
  ServerCommands.disableRule,
  ServerCommands.showDocumentation,
]);

/**
 * The quick fixes for this finding, preferred first. Code actions are asked for at the finding's
 * own range, so the server offers that finding's fixes (and those of findings overlapping it).
 * When the actions carry their diagnostics, only those of this finding count; VS Code's
 * `vscode.executeCodeActionProvider` drops them, and then every fix offered there counts. The
 * rule's "Disable" and "Show documentation" actions never do.
 */
export function actionsFor<A extends ActionLike>(actions: readonly A[], finding: { code: string; range: Rng }): A[] {
  const fixes = actions.filter((a) => {
    if (a.disabled) return false;
    if (a.command && RULE_COMMANDS.has(a.command.command)) return false;
    const k = kindOf(a);
    return !k || k === 'quickfix' || k.startsWith('quickfix.');
  });
  const known = fixes.filter((a) => a.diagnostics?.length);
  const matching = known.length
    ? known.filter((a) => a.diagnostics!.some((d) => diagnosticCode(d.code) === finding.code && (!d.range || d.range.start.line === finding.range.start.line)))
    : fixes;
  return [...matching].sort((a, b) => Number(!!b.isPreferred) - Number(!!a.isPreferred));
}

/**
 * The one to apply without asking: the preferred fix. Anything else (a single fix that deletes a
 * file, several fixes) is the user's choice.
 */
export function autoChoice<A extends ActionLike>(candidates: readonly A[]): A | undefined {
  const preferred = candidates.filter((a) => a.isPreferred);
  return preferred.length === 1 ? preferred[0] : undefined;
}

export function findingKey(f: FindingSummary): string {
  return `${f.uri}\u0000${f.code}\u0000${f.message}`;
}

export interface FixLoopDeps {
  /** The current findings in scope (asked again after each fix: positions move). */
  findings(): Promise<FindingSummary[]>;
  /** Apply the finding's preferred fix; false when there is none to apply without input. */
  applyPreferred(f: FindingSummary): Promise<boolean>;
}

/**
 * Fix findings one by one, re-reading them after each fix, until none is left that has a fix not
 * tried yet. Returns how many fixes were applied and which findings remain.
 */
export async function fixLoop(deps: FixLoopDeps, max = 100): Promise<{ applied: number; remaining: FindingSummary[] }> {
  const tried = new Set<string>();
  let applied = 0;
  for (let i = 0; i < max; i++) {
    const current = await deps.findings();
    const next = current.find((f) => f.fixable !== false && !tried.has(findingKey(f)));
    if (!next) return { applied, remaining: current };
    tried.add(findingKey(next));
    if (await deps.applyPreferred(next)) applied++;
  }
  return { applied, remaining: await deps.findings() };
}
