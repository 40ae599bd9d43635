import type { Connection } from 'vscode-languageserver';

/** Placeholder until the language server lands: answers initialize and nothing else. */
export function startServer(connection: Connection): void {
  connection.onInitialize(() => ({ capabilities: {} }));
  connection.listen();
}
