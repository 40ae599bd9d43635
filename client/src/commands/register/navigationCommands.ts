/** Open a finding (from a view row) and the `.forceignore` line that excludes a file. */
import * as vscode from 'vscode';
import type { FindingSummary } from '../../../../server/src/shared/protocol';
import { toRange } from '../../adapters';
import { asNode, type CommandContext, type Register } from './context';

export function registerNavigationCommands(_cc: CommandContext, cmd: Register): void {
  cmd('ecaLens.revealFinding', async (uri, range) => {
    if (typeof uri !== 'string' || !range) return;
    const r = toRange(range as FindingSummary['range']);
    const editor = await vscode.window.showTextDocument(vscode.Uri.parse(uri), { preview: true });
    editor.selection = new vscode.Selection(r.end, r.start);
    editor.revealRange(r, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    await vscode.commands.executeCommand('editor.action.showHover');
  });

  cmd('ecaLens.openForceIgnoreLine', async (node) => {
    const n = asNode(node);
    const by = n?.kind === 'file' ? n.file.excludedBy : undefined;
    if (!by || !('uri' in by)) return;
    const editor = await vscode.window.showTextDocument(vscode.Uri.parse(by.uri), { preview: true });
    const line = Math.min(by.line, editor.document.lineCount - 1);
    editor.selection = new vscode.Selection(line, 0, line, editor.document.lineAt(line).text.length);
    editor.revealRange(editor.selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  });
}
