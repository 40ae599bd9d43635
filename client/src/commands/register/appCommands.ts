/** "New External Client App", "Insert Dev Hub Org Id", "Copy Retrieve Command". */
import * as vscode from 'vscode';
import { toRange } from '../../adapters';
import { filledEdits, isInsertArgs, normalizeOrgId, offerToRemember, resolveDevHubOrgId } from '../devHubOrgId';
import { newApp } from '../newApp';
import { retrieveCommand } from '../retrieveCommand';
import { ClientCommands } from '../../../../server/src/shared/protocol';
import { asNode, devHubDeps, type CommandContext, type Register } from './context';

export function registerAppCommands(cc: CommandContext, cmd: Register): void {
  const { ui } = cc;
  const devHub = devHubDeps(cc);
  const at = (projectUri: string, rel: string) => vscode.Uri.joinPath(vscode.Uri.parse(projectUri), rel);

  cmd('ecaLens.newApp', async (node) => {
    const n = asNode(node);
    await newApp(
      {
        ui,
        inventory: async () => {
          await cc.refresh();
          return cc.inventoryTree.result;
        },
        devHubOrgId: async (projectUri) => {
          const s = normalizeOrgId(devHub.setting());
          if (s) return s;
          const r = await devHub.lookup(projectUri).catch(() => undefined);
          return r?.orgId ? normalizeOrgId(r.orgId) : undefined;
        },
        exists: async (projectUri, rel) => {
          try {
            await vscode.workspace.fs.stat(at(projectUri, rel));
            return true;
          } catch {
            return false;
          }
        },
        read: async (projectUri, rel) => (await vscode.workspace.openTextDocument(at(projectUri, rel))).getText(),
        create: async (projectUri, rel, text) => {
          await vscode.workspace.fs.writeFile(at(projectUri, rel), new TextEncoder().encode(text));
        },
        append: async (projectUri, rel, text) => {
          const doc = await vscode.workspace.openTextDocument(at(projectUri, rel));
          const edit = new vscode.WorkspaceEdit();
          edit.insert(doc.uri, doc.lineAt(doc.lineCount - 1).range.end, text);
          if (await vscode.workspace.applyEdit(edit)) await doc.save();
        },
        open: async (projectUri, rel) => {
          await vscode.window.showTextDocument(at(projectUri, rel));
        },
      },
      n?.kind === 'packageDirectory' ? { projectUri: n.project.uri, packageDirectory: n.path ?? undefined } : {},
    );
  });

  cmd(ClientCommands.insertDevHubOrgId, async (args) => {
    const editor = vscode.window.activeTextEditor;
    const uri = isInsertArgs(args) ? args.uri : editor?.document.uri.toString();
    const answer = await resolveDevHubOrgId(devHub, uri);
    if (!answer) return;
    if (answer.source === 'entered') void offerToRemember(devHub, answer.orgId);
    if (isInsertArgs(args)) {
      const edit = new vscode.WorkspaceEdit();
      for (const e of filledEdits(args, answer.orgId)) edit.replace(vscode.Uri.parse(args.uri), toRange(e.range), e.newText);
      await vscode.workspace.applyEdit(edit);
      return;
    }
    if (editor) {
      await editor.edit((b) => editor.selections.forEach((s) => b.replace(s, answer.orgId)));
      return;
    }
    await vscode.env.clipboard.writeText(answer.orgId);
    void ui.info(`Dev Hub org id ${answer.orgId} (${answer.source}) copied to the clipboard.`);
  });

  cmd('ecaLens.copyRetrieveCommand', async (node) => {
    const picked = await appOf(cc, node);
    if (!picked) return;
    const line = retrieveCommand(picked.app);
    await vscode.env.clipboard.writeText(line);
    void ui.info(`Copied: ${line}`);
  });
}

/** The app a command is about: the node's, the only one, or picked. */
async function appOf(cc: CommandContext, node: unknown) {
  const n = asNode(node);
  await cc.refresh();
  const inv = cc.inventoryTree.result;
  const apps = inv?.projects.flatMap((p) => p.apps.map((a) => ({ project: p, app: a }))) ?? [];
  if (n?.kind === 'app') return apps.find((x) => x.project.uri === n.project.uri && x.app.name === n.app.name) ?? { project: n.project, app: n.app };
  if (n?.kind === 'checklistApp') return apps.find((x) => x.project.uri === n.app.projectUri && x.app.name === n.app.app);
  if (apps.length === 1) return apps[0];
  return cc.ui.pick(apps.map((x) => ({ label: x.app.name, description: `${x.app.packageDirectory ?? ''}${inv!.projects.length > 1 ? ` · ${x.project.name}` : ''}`, value: x })), {
    title: 'Copy retrieve command',
    placeHolder: 'External Client App',
  });
}
