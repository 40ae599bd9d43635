/** "Fix All Hazards in the Project", "Apply Fix" (a view row), "Fix the App's Hazards". */
import * as vscode from 'vscode';
import { appFindings, Methods, ServerCommands, type ChecklistResult, type FindingSummary, type InventoryResult } from '../../../../server/src/shared/protocol';
import { dirtySnapshot, saveDirtySince, toRange } from '../../adapters';
import { actionsFor, autoChoice, fixLoop } from '../applyFix';
import { fixAll } from '../fixAll';
import { asNode, findingOf, type CommandContext, type Register } from './context';

/** Ask the editor (so the server) for the finding's quick fixes and apply the right one. */
async function fixFinding(cc: CommandContext, f: FindingSummary, interactive: boolean): Promise<boolean> {
  const { ui } = cc;
  const uri = vscode.Uri.parse(f.uri);
  // The editor only asks providers about loaded documents: load it (no editor opens).
  try {
    await vscode.workspace.openTextDocument(uri);
  } catch {
    if (interactive) void ui.warn(`ECA Lens: ${uri.fsPath} can't be opened any more; refresh the view.`);
    return false;
  }
  const actions =
    (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, toRange(f.range), vscode.CodeActionKind.QuickFix.value, 10)) ?? [];
  const codeActions = actions.filter((a): a is vscode.CodeAction => typeof (a as vscode.Command).command !== 'string');
  const candidates = actionsFor(codeActions, f);
  if (!candidates.length) {
    cc.server.outputChannel?.info(
      `No fix for ${f.code} at ${f.uri}:${f.range.start.line + 1}; code actions there: ` +
        (codeActions.map((a) => `${a.title} [${(a.diagnostics ?? []).map((d) => JSON.stringify(d.code)).join(',')}]`).join('; ') || 'none'),
    );
  }
  // Unattended (fix the app), only the preferred fix: the server never marks a suggestion preferred.
  let chosen = interactive ? autoChoice(candidates) : candidates.find((a) => a.isPreferred);
  if (!chosen && interactive && candidates.length) {
    chosen = await ui.pick(candidates.map((a) => ({ label: a.title, value: a })), { title: 'Apply a fix', placeHolder: f.message });
  }
  if (!chosen) {
    if (interactive) void ui.info(candidates.length ? 'No fix applied.' : `No automatic fix for ${f.code}. See the rule's documentation.`);
    return false;
  }
  if (chosen.edit && !(await vscode.workspace.applyEdit(chosen.edit))) return false;
  if (chosen.command) await vscode.commands.executeCommand(chosen.command.command, ...(chosen.command.arguments ?? []));
  return true;
}

export function registerFixCommands(cc: CommandContext, cmd: Register): void {
  const { ui, server } = cc;

  cmd('ecaLens.fixAll', async () => {
    if (!server.isRunning()) return void ui.warn('The ECA Lens server is not running.');
    const before = dirtySnapshot();
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'ECA Lens: fixing hazards…' }, () =>
      fixAll({
        ui,
        // The server applies the safe fixes only (never a suggestion).
        runServerFixAll: () => server.request('workspace/executeCommand', { command: ServerCommands.fixAll, arguments: [] }),
        saveChanged: () => saveDirtySince(before),
        checklist: async () => {
          await cc.refresh();
          return server.request<ChecklistResult>(Methods.checklist);
        },
      }),
    );
    await cc.refresh();
  });

  cmd('ecaLens.applyFix', async (node) => {
    const f = findingOf(node);
    if (!f) return;
    const before = dirtySnapshot();
    if (await fixFinding(cc, f, true)) await saveDirtySince(before);
  });

  cmd('ecaLens.fixApp', async (node) => {
    const n = asNode(node);
    if (n?.kind !== 'app') return;
    const projectUri = n.project.uri;
    const name = n.app.name;
    const before = dirtySnapshot();
    const { applied, remaining } = await fixLoop({
      findings: async () => {
        const inv = await server.request<InventoryResult>(Methods.inventory);
        const app = inv?.projects.find((p) => p.uri === projectUri)?.apps.find((a) => a.name === name);
        return app ? appFindings(app) : [];
      },
      applyPreferred: (f) => fixFinding(cc, f, false),
    });
    await saveDirtySince(before);
    await cc.refresh();
    const left = remaining.filter((f) => f.severity === 'error' || f.severity === 'warning').length;
    void ui.info(`ECA Lens: ${applied} fix${applied === 1 ? '' : 'es'} applied to ${name}${left ? `; ${left} hazard${left === 1 ? '' : 's'} left need your input` : ''}.`);
  });
}
