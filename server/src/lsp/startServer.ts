/**
 * Wiring only: connect a connection's handlers to a Session. `server.ts` creates the connection
 * (stdio or node-ipc); tests pass an in-memory one.
 */
import { TextDocuments, type Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Methods } from '../protocol';
import { Session, type SessionOptions } from './session';

export function startServer(connection: Connection, options: SessionOptions = {}): Session {
  const documents = new TextDocuments(TextDocument);
  const s = new Session(connection, documents, options);

  connection.onInitialize((params) => s.initialize(params));
  connection.onInitialized(() => {
    if (s.caps.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => s.guard('didChangeWorkspaceFolders', undefined, () => s.didChangeWorkspaceFolders(e)));
    }
    void s.initialized().catch((e: unknown) => connection.console.error(`ECA Lens: initialization failed: ${String(e)}`));
  });
  connection.onShutdown(() => s.shutdown());

  documents.onDidChangeContent((e) => s.guard('didChange', undefined, () => s.didChangeContent(e.document)));
  documents.onDidClose((e) => s.guard('didClose', undefined, () => s.didClose(e.document)));
  documents.onDidSave((e) => s.guard('didSave', undefined, () => s.didSave(e.document)));
  connection.onDidChangeWatchedFiles((p) => s.guard('didChangeWatchedFiles', undefined, () => s.didChangeWatchedFiles(p)));
  connection.onDidChangeConfiguration((p) => void s.guardAsync('didChangeConfiguration', undefined, () => s.didChangeConfiguration(p.settings)));

  connection.onCodeAction((p) => s.guard('codeAction', [], () => s.codeAction(p)));
  connection.onCodeActionResolve((a) => s.guard('codeAction/resolve', a, () => s.resolveCodeAction(a)));
  connection.onHover((p) => s.guard('hover', null, () => s.hover(p)));
  connection.onCompletion((p) => s.guard('completion', null, () => s.completion(p)));
  connection.onExecuteCommand((p) => s.guardAsync('executeCommand', null, () => s.executeCommand(p)));

  connection.onRequest(Methods.inventory, () => s.guard('inventory', { projects: [] }, () => s.inventory()));
  connection.onRequest(Methods.checklist, () => s.guard('checklist', { apps: [] }, () => s.checklist()));
  connection.onRequest(Methods.devHubOrgId, (p: { uri?: string } | undefined) => s.guard('devHubOrgId', { source: 'lookup failed' }, () => s.devHubOrgId(p)));

  documents.listen(connection);
  connection.listen();
  return s;
}
