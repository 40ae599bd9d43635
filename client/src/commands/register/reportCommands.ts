/**
 * "Open Integration Report": the Markdown from the server in a read-only virtual document
 * (`eca-lens-report:` scheme) shown in the Markdown preview.
 */
import * as vscode from 'vscode';
import { Methods, type ReportParams, type ReportResult } from '../../../../server/src/shared/protocol';
import { openReport } from '../openReport';
import type { CommandContext, Register } from './context';

export const REPORT_SCHEME = 'eca-lens-report';
const REPORT_URI = vscode.Uri.from({ scheme: REPORT_SCHEME, path: '/ECA Lens integration report.md' });

export function registerReportCommands(cc: CommandContext, cmd: Register): void {
  let markdown = '';
  const changed = new vscode.EventEmitter<vscode.Uri>();
  cc.ext.subscriptions.push(
    changed,
    vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, { onDidChange: changed.event, provideTextDocumentContent: () => markdown }),
  );
  cmd('ecaLens.openReport', (node) =>
    openReport(
      {
        ui: cc.ui,
        report: (params: ReportParams) => cc.server.request<ReportResult>(Methods.report, params),
        show: async (text) => {
          markdown = text;
          changed.fire(REPORT_URI);
          await vscode.commands.executeCommand('markdown.showPreview', REPORT_URI);
        },
      },
      node,
    ),
  );
}
