/**
 * Wiring only: connect a connection's handlers to a Session's parts. `server.ts` creates the
 * connection (stdio or node-ipc); tests pass an in-memory one.
 */
import { TextDocuments, type Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Methods, type AppPostureParams, type GuideParams, type MigrationPreviewParams, type PackagesParams } from '../shared/protocol';
import { Session, type SessionOptions } from './session';

export function startServer(connection: Connection, options: SessionOptions = {}): Session {
  const documents = new TextDocuments(TextDocument);
  const s = new Session(connection, documents, options);
  const { sync, config, requests, commands } = s;

  connection.onInitialize((params) => s.initialize(params));
  connection.onInitialized(() => {
    if (s.caps.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => s.guard('didChangeWorkspaceFolders', undefined, () => config.didChangeWorkspaceFolders(e)));
    }
    void s.initialized().catch((e: unknown) => connection.console.error(`ECA Lens: initialization failed: ${String(e)}`));
  });
  connection.onShutdown(() => s.shutdown());

  documents.onDidChangeContent((e) => s.guard('didChange', undefined, () => sync.didChangeContent(e.document)));
  documents.onDidClose((e) => s.guard('didClose', undefined, () => sync.didClose(e.document)));
  documents.onDidSave((e) => s.guard('didSave', undefined, () => sync.didSave(e.document)));
  connection.onDidChangeWatchedFiles((p) => s.guard('didChangeWatchedFiles', undefined, () => sync.didChangeWatchedFiles(p)));
  connection.onDidChangeConfiguration((p) => void s.guardAsync('didChangeConfiguration', undefined, () => config.didChangeConfiguration(p.settings)));

  connection.onCodeAction((p) => s.guard('codeAction', [], () => requests.codeAction(p)));
  connection.onCodeActionResolve((a) => s.guard('codeAction/resolve', a, () => requests.resolveCodeAction(a)));
  connection.onHover((p) => s.guard('hover', null, () => requests.hover(p)));
  connection.onCompletion((p) => s.guard('completion', null, () => requests.completion(p)));
  connection.onExecuteCommand((p) => s.guardAsync('executeCommand', null, () => commands.execute(p)));

  connection.onRequest(Methods.inventory, () => s.guard('inventory', { projects: [] }, () => requests.inventory()));
  connection.onRequest(Methods.appPosture, (p: AppPostureParams | undefined) => s.guard('appPosture', null, () => requests.appPosture(p)));
  connection.onRequest(Methods.checklist, () => s.guard('checklist', { apps: [] }, () => requests.checklist()));
  connection.onRequest(Methods.report, (p: { uri?: string } | undefined) => s.guard('report', { markdown: '' }, () => requests.report(p)));
  connection.onRequest(Methods.devHubOrgId, (p: { uri?: string } | undefined) => s.guard('devHubOrgId', { source: 'lookup failed' }, () => requests.devHubOrgId(p)));
  connection.onRequest(Methods.migrationPreview, (p: MigrationPreviewParams | undefined) =>
    s.guard('migrationPreview', { problem: 'the server failed to plan the migration', name: '', convertible: false, files: [], mapped: [], unmapped: [], blockers: [], notes: [], ignoreEdits: [] }, () => requests.migrationPreview(p)),
  );
  connection.onRequest(Methods.guide, (p: GuideParams | undefined) => s.guard('guide', { markdown: '', apps: [] }, () => requests.guide(p)));
  connection.onRequest(Methods.packages, (p: PackagesParams | undefined) => s.guard('packages', [], () => requests.packages(p)));

  documents.listen(connection);
  connection.listen();
  return s;
}
