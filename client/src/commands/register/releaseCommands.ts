/**
 * The ISV release workflow: "Open Subscriber Guide" (a read-only `eca-lens-guide:` document in the
 * Markdown preview) and "Reinstall Beta Version" (a modal, then a terminal or the clipboard).
 */
import * as vscode from 'vscode';
import { Methods, type GuideParams, type GuideResult, type PackagesParams, type PackageVersions } from '../../../../server/src/shared/protocol';
import { openGuide } from '../openGuide';
import { reinstallBeta } from '../reinstallBeta';
import type { CommandContext, Register } from './context';

export const GUIDE_SCHEME = 'eca-lens-guide';

/** The guides shown, by URI; a guide opened again replaces its text and the preview follows. */
class GuideDocuments implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  set(uri: vscode.Uri, text: string): void {
    const had = this.texts.has(uri.toString());
    this.texts.set(uri.toString(), text);
    if (had) this.changed.fire(uri);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  dispose(): void {
    this.changed.dispose();
  }
}

const activeFileUri = () => {
  const u = vscode.window.activeTextEditor?.document.uri;
  return u?.scheme === 'file' ? u.toString() : undefined;
};

export function registerReleaseCommands(cc: CommandContext, cmd: Register): void {
  const guides = new GuideDocuments();
  cc.ext.subscriptions.push(guides, vscode.workspace.registerTextDocumentContentProvider(GUIDE_SCHEME, guides));

  cmd('ecaLens.openGuide', () =>
    openGuide({
      ui: cc.ui,
      activeUri: activeFileUri,
      guide: (params) => cc.server.request<GuideResult>(Methods.guide, params satisfies GuideParams),
      show: async (name, markdown) => {
        const uri = vscode.Uri.from({ scheme: GUIDE_SCHEME, path: `/${name}` });
        guides.set(uri, markdown);
        await vscode.commands.executeCommand('markdown.showPreview', uri);
      },
    }),
  );

  cmd('ecaLens.reinstallBeta', () =>
    reinstallBeta({
      ui: cc.ui,
      activeUri: activeFileUri,
      packages: (params) => cc.server.request<PackageVersions[]>(Methods.packages, params satisfies PackagesParams),
      confirm: (message, detail, ...actions) => Promise.resolve(vscode.window.showWarningMessage(message, { modal: true, detail }, ...actions)),
      runInTerminal: (name, line) => {
        const t = vscode.window.createTerminal({ name });
        t.show();
        t.sendText(line);
      },
      copy: (text) => Promise.resolve(vscode.env.clipboard.writeText(text)),
    }),
  );
}
