/**
 * `workspace/executeCommand`: the server commands (protocol.ts `ServerCommands`). Fix-all applies
 * the safe preferred fixes only, never a suggestion (codeActions.ts `autoFixes`).
 */
import { MessageType, type ExecuteCommandParams } from 'vscode-languageserver';
import { docsUrl } from '../shared/docs';
import { ServerCommands, type ApplyFixArgs, type FixAllArgs, type FixAllResult, type RuleArgs } from '../shared/protocol';
import { uriToPath } from '../util/uri';
import type { ChangeQueue } from './changeQueue';
import { autoFixes, planEdit, planFor } from './codeActions';
import type { Configuration } from './configuration';
import { buildFixEdit } from './edits';
import { runFileSteps } from '../edits/fileOps';
import type { SessionState } from './state';
import { isInside } from './workspace';

export class CommandHandlers {
  constructor(
    private readonly st: SessionState,
    private readonly queue: ChangeQueue,
    private readonly config: Configuration,
  ) {}

  async execute(params: ExecuteCommandParams): Promise<unknown> {
    const arg = (params.arguments ?? [])[0] as Record<string, unknown> | undefined;
    switch (params.command) {
      case ServerCommands.fixAll:
        return this.fixAll(arg as FixAllArgs | undefined);
      case ServerCommands.applyFix:
        return this.applyFix(arg as unknown as ApplyFixArgs);
      case ServerCommands.disableRule:
        return this.disableRule(arg as unknown as RuleArgs);
      case ServerCommands.showDocumentation:
        return this.showDocumentation(arg as unknown as RuleArgs);
      default:
        return null;
    }
  }

  private async fixAll(args: FixAllArgs | undefined): Promise<FixAllResult> {
    const { st } = this;
    this.queue.flush();
    let projects = st.ws.projects;
    if (args?.uri) {
      const p = uriToPath(args.uri);
      projects = p ? projects.filter((x) => x.root === p || isInside(x.root, p) || x === st.ws.projectFor(p)) : [];
    }
    let applied = 0;
    let skipped = 0;
    const env = st.env;
    for (const project of projects) {
      const findings = [...project.checkAll().values()].flat();
      // Findings with a preferred fix that fix-all leaves: suggestions (the user's choice), input
      // needed, file operations the client can't do.
      const fixable = findings.filter((f) => f.fixes.some((x) => x.preferred));
      const fixes = autoFixes(findings, env);
      const plan = planFor(project, fixes);
      skipped += plan.skipped.length + (fixable.length - fixes.length);
      if (plan.applied.length === 0) continue;
      const built = planEdit(plan, env);
      const r = await st.connection.workspace.applyEdit({ label: 'ECA Lens: fix all', edit: built.edit });
      if (r.applied) {
        applied += plan.applied.length;
        for (const q of built.paths) this.queue.enqueue(q);
      } else skipped += plan.applied.length;
    }
    return { applied, skipped };
  }

  private async applyFix(args: ApplyFixArgs | undefined): Promise<boolean> {
    const { st } = this;
    if (!args || typeof args.uri !== 'string') return false;
    const t = this.queue.target(args.uri);
    if (!t) return false;
    const finding = t.project
      .check(t.path)
      .find((f) => f.ruleId === args.ruleId && f.range.start.line === args.position?.line && f.range.start.character === args.position?.character);
    const fix = finding?.fixes[args.fix];
    if (!fix) {
      st.message(MessageType.Warning, 'ECA Lens: that problem changed in the meantime; ask for the fix again.');
      return false;
    }
    const built = buildFixEdit(fix, st.env);
    const hasText = built.edit.documentChanges ? built.edit.documentChanges.length > 0 : Object.keys(built.edit.changes ?? {}).length > 0;
    if (hasText) {
      const r = await st.connection.workspace.applyEdit({ label: fix.title, edit: built.edit });
      if (!r.applied) return false;
    }
    const host = st.ws.host;
    runFileSteps(host, built.serverOps);
    for (const q of built.paths) this.queue.enqueue(q);
    this.queue.flush();
    return true;
  }

  private disableRule(args: RuleArgs | undefined): boolean {
    if (!args || typeof args.ruleId !== 'string') return false;
    this.st.ws.sessionRules[args.ruleId] = 'off';
    this.config.applySettings();
    this.st.message(MessageType.Info, `ECA Lens: ${args.ruleId} is off until the server restarts. To keep it off, set "ecaLens.rules": { "${args.ruleId}": "off" } in your editor's settings.`);
    return true;
  }

  private async showDocumentation(args: RuleArgs | undefined): Promise<{ uri: string } | null> {
    const { st } = this;
    if (!args || typeof args.ruleId !== 'string') return null;
    const uri = docsUrl(args.ruleId, st.docsBase);
    if (st.caps.showDocument) {
      const r = await st.connection.window.showDocument({ uri, external: true });
      if (r.success) return { uri };
    }
    st.message(MessageType.Info, `ECA Lens: documentation for ${args.ruleId}: ${uri}`);
    return { uri };
  }
}
