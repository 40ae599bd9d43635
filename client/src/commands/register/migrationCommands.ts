/** "Create External Client App from this Connected App": the preview document and the workspace edit. */
import * as vscode from 'vscode';
import { migrateConnectedApp } from '../migrateConnectedApp';
import { Methods, type MigrationPreviewParams, type MigrationPreviewResult } from '../../../../server/src/shared/protocol';
import type { CommandContext, Register } from './context';

const SCHEME = 'eca-lens-migration';

export function registerMigrationCommands(cc: CommandContext, cmd: Register): void {
  // The preview is a read-only virtual document: nothing to save, nothing left dirty.
  const previews = new Map<string, string>();
  const changed = new vscode.EventEmitter<vscode.Uri>();
  cc.ext.subscriptions.push(
    changed,
    vscode.workspace.registerTextDocumentContentProvider(SCHEME, { onDidChange: changed.event, provideTextDocumentContent: (u) => previews.get(u.path) ?? '' }),
  );

  cmd('ecaLens.migrateConnectedApp', async (arg) => {
    const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
    await migrateConnectedApp(
      {
        ui: cc.ui,
        preview: (u) => cc.server.request<MigrationPreviewResult>(Methods.migrationPreview, { uri: u } satisfies MigrationPreviewParams),
        showPreview: async (markdown, name) => {
          const doc = vscode.Uri.from({ scheme: SCHEME, path: `/${name} → External Client App.md` });
          previews.set(doc.path, markdown);
          changed.fire(doc);
          const td = await vscode.workspace.openTextDocument(doc);
          await vscode.languages.setTextDocumentLanguage(td, 'markdown');
          await vscode.window.showTextDocument(td, { preview: true, viewColumn: vscode.ViewColumn.Beside, preserveFocus: true });
        },
        exists: async (u) => {
          try {
            await vscode.workspace.fs.stat(vscode.Uri.parse(u));
            return true;
          } catch {
            return false;
          }
        },
        read: async (u) => {
          try {
            return (await vscode.workspace.openTextDocument(vscode.Uri.parse(u))).getText();
          } catch {
            return undefined;
          }
        },
        apply: async (w) => {
          const edit = new vscode.WorkspaceEdit();
          for (const c of w.creates) edit.createFile(vscode.Uri.parse(c.uri), { ignoreIfExists: true, contents: new TextEncoder().encode(c.text) });
          const docs: vscode.TextDocument[] = [];
          for (const a of w.appends) {
            const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(a.uri));
            docs.push(doc);
            edit.insert(doc.uri, doc.positionAt(doc.getText().length), a.text);
          }
          const ok = await vscode.workspace.applyEdit(edit);
          if (ok) for (const d of docs) await d.save();
          return ok;
        },
        open: async (u) => {
          await vscode.window.showTextDocument(vscode.Uri.parse(u));
        },
      },
      uri?.toString(),
    );
  });
}
