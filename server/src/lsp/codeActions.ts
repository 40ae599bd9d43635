/**
 * Code actions: each fix of the findings under the cursor as a `quickfix` (the preferred one
 * `isPreferred` when it is safe; suggestions are offered, never preferred), "Disable <rule> in
 * settings", "Show documentation for <rule>", and `source.fixAll.ecaLens` (every preferred *safe*
 * fix of the file, overlapping ones skipped; its edit is computed in `codeAction/resolve` when the
 * client can resolve edits).
 *
 * A fix that needs input (`needs: 'devHubOrgId'`) is, in order of preference: the client command
 * `ecaLens.insertDevHubOrgId` when the client declares it (it asks, validates, applies); a
 * `SnippetTextEdit` when the client supports snippet edits; else plain text with an obviously
 * invalid placeholder (`ENTER_DEV_HUB_ORG_ID`) that the rules flag until it is replaced.
 */
import { CodeActionKind, type CodeAction, type CodeActionParams, type Command, type Diagnostic, type Range } from 'vscode-languageserver';
import type { EcaProject, Finding, Fix } from '../engine';
import { planFixes, type FixPlan } from '../edits/applyFixes';
import { unattendedFix } from '../edits/types';
import { ClientCommands, ServerCommands, type ApplyFixArgs, type InsertDevHubOrgIdArgs, type RuleArgs } from '../shared/protocol';
import { toDiagnostic } from './diagnostics';
import { buildEdit, buildFixEdit, clientDoesFileOps, type EditEnv } from './edits';

export const FIX_ALL_KIND = 'source.fixAll.ecaLens';

export interface FixAllData {
  kind: 'fixAll';
  uri: string;
}

function validRange(r: unknown): r is Range {
  const x = r as Range | undefined;
  return !!x && typeof x.start?.line === 'number' && typeof x.start.character === 'number' && typeof x.end?.line === 'number' && typeof x.end.character === 'number';
}

function intersects(a: Range, b: Range): boolean {
  if (!validRange(a) || !validRange(b)) return false;
  const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

function sameRange(a: Range, b: Range): boolean {
  if (!validRange(a) || !validRange(b)) return false;
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** Does the client want this kind (no `only` means every kind)? */
function wants(only: readonly string[] | undefined, kind: string): boolean {
  if (!only || only.length === 0) return true;
  return only.some((o) => kind === o || kind.startsWith(o + '.'));
}

export function codeActions(project: EcaProject, path: string, uri: string, params: CodeActionParams, env: EditEnv): (CodeAction | Command)[] {
  const findings = project.check(path);
  if (findings.length === 0) return [];
  const only = Array.isArray(params.context?.only) ? params.context.only : undefined;
  const out: (CodeAction | Command)[] = [];
  if (wants(only, CodeActionKind.QuickFix)) {
    const ctxDiags = (Array.isArray(params.context?.diagnostics) ? params.context.diagnostics : []).filter((d) => d && typeof d === 'object');
    const hit = findings.filter(
      (f) => intersects(f.range, params.range) || ctxDiags.some((d) => d.code === f.ruleId && sameRange(d.range, f.range)),
    );
    const rules = new Map<string, Diagnostic[]>();
    for (const f of hit) {
      const diag = ctxDiags.find((d) => d.code === f.ruleId && sameRange(d.range, f.range)) ?? toDiagnostic(f, env.caps, env.toUri, env.docsBase);
      f.fixes.forEach((fix, i) => out.push(fixAction(f, fix, i, diag, uri, env)));
      const list = rules.get(f.ruleId) ?? [];
      list.push(diag);
      rules.set(f.ruleId, list);
    }
    for (const [ruleId, diags] of rules) out.push(...ruleActions(ruleId, diags, uri, env));
  }
  if (wants(only, FIX_ALL_KIND) && env.caps.codeActionLiterals) {
    // Asked for by kind (e.g. on save): whenever there is something to fix. Unasked (the light
    // bulb): only when it does more than one quick fix would.
    const a = fixAllAction(project, path, uri, env, env.caps.codeActionResolve.has('edit'), only?.length ? 1 : 2);
    if (a) out.push(a);
  }
  return out;
}

function fixAction(f: Finding, fix: Fix, index: number, diag: Diagnostic, uri: string, env: EditEnv): CodeAction | Command {
  const applyFix: Command = {
    title: fix.title,
    command: ServerCommands.applyFix,
    arguments: [{ uri, ruleId: f.ruleId, position: f.range.start, fix: index } satisfies ApplyFixArgs],
  };
  if (!env.caps.codeActionLiterals) return applyFix;
  const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diag] };
  // A suggestion is offered, never preferred: an editor's "auto fix" applies preferred fixes unasked.
  if (fix.preferred && isSafe(fix) && env.caps.isPreferred) action.isPreferred = true;
  if (fix.snippet && fix.needs === 'devHubOrgId' && env.caps.clientCommands.has(ClientCommands.insertDevHubOrgId) && fix.edits.every((e) => e.path === f.path) && !fix.fileOps?.length) {
    const args: InsertDevHubOrgIdArgs = { uri, edits: fix.edits.map((e) => ({ range: e.range, newText: e.newText })) };
    action.command = { title: fix.title, command: ClientCommands.insertDevHubOrgId, arguments: [args] };
    return action;
  }
  const built = buildFixEdit(fix, env);
  if (built.serverOps.length) {
    // The client can't create, rename or delete files: the server does it when asked.
    action.command = applyFix;
    return action;
  }
  if (fix.snippet && !(env.caps.snippetEdits && env.caps.documentChanges)) action.title += ' (inserts a placeholder to replace)';
  action.edit = built.edit;
  return action;
}

function ruleActions(ruleId: string, diags: Diagnostic[], uri: string, env: EditEnv): (CodeAction | Command)[] {
  const args: RuleArgs = { ruleId, uri };
  const disable: Command = env.caps.clientCommands.has(ClientCommands.disableRule)
    ? { title: `Disable ${ruleId} in settings`, command: ClientCommands.disableRule, arguments: [args] }
    : { title: `Disable ${ruleId} in settings`, command: ServerCommands.disableRule, arguments: [args] };
  const docs: Command = env.caps.clientCommands.has(ClientCommands.showRuleDocs)
    ? { title: `Show documentation for ${ruleId}`, command: ClientCommands.showRuleDocs, arguments: [args] }
    : { title: `Show documentation for ${ruleId}`, command: ServerCommands.showDocumentation, arguments: [args] };
  if (!env.caps.codeActionLiterals) return [disable, docs];
  return [
    { title: disable.title, kind: CodeActionKind.QuickFix, diagnostics: diags, command: disable },
    { title: docs.title, kind: CodeActionKind.QuickFix, diagnostics: diags, command: docs },
  ];
}

/** May fix-all apply it unattended? Only a fix declared safe (every fix declares its kind). */
export function isSafe(fix: Fix): boolean {
  return fix.kind === 'safe';
}

/** May fix-all apply it at all (for some client)? Preferred, safe, no input needed. */
export function isAutoFix(fix: Fix): boolean {
  return !!fix.preferred && isSafe(fix) && !fix.snippet;
}

/**
 * The fixes fix-all may apply for this client: the preferred fix of each finding when it is safe
 * (never a suggestion), needs no input, and its file operations are ones the client can do.
 */
export function autoFixes(findings: readonly Finding[], env: EditEnv, serverOpsOk = false): Fix[] {
  const out: Fix[] = [];
  for (const f of findings) {
    if (f.autoFixable === false) continue; // the rule says its lazy fixes hold none to apply
    const fix = unattendedFix(f.fixes);
    if (fix && (serverOpsOk || clientDoesFileOps(fix, env.caps))) out.push(fix);
  }
  return out;
}

export function planFor(project: EcaProject, fixes: readonly Fix[]): FixPlan {
  return planFixes(fixes, (p) => project.textOf(p));
}

export function fixAllAction(project: EcaProject, path: string, uri: string, env: EditEnv, lazy: boolean, atLeast = 1): CodeAction | undefined {
  const fixes = autoFixes(project.check(path), env);
  if (fixes.length < atLeast) return undefined;
  const action: CodeAction = { title: 'Fix all ECA Lens problems in this file', kind: FIX_ALL_KIND };
  if (lazy) action.data = { kind: 'fixAll', uri } satisfies FixAllData;
  else action.edit = fixAllEdit(project, path, env);
  return action;
}

export function fixAllEdit(project: EcaProject, path: string, env: EditEnv) {
  const plan = planFor(project, autoFixes(project.check(path), env));
  return planEdit(plan, env).edit;
}

/** One workspace edit for a plan (edits already non-overlapping). */
export function planEdit(plan: FixPlan, env: EditEnv) {
  return buildEdit([...plan.edits.values()].flat(), plan.fileOps, env);
}
