/**
 * Language server entry (bundled to server/out/server.js), started with `--stdio` or
 * `--node-ipc`. Creates the connection and hands it to `startServer` (lsp/startServer.ts), which
 * tests call in process with in-memory streams.
 */
import * as v8 from 'node:v8';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/startServer';

// A language server lives long and mostly waits: a smaller heap matters more than the last few
// percent of speed. On a 2,000-app project this keeps the resident size near 90 MB instead of
// 115 MB, at the same indexing time (bench/lsp.mjs). Set before the project is indexed.
v8.setFlagsFromString('--optimize-for-size');

const connection = createConnection(ProposedFeatures.all);

// Unhandled errors are logged, never fatal: a bad file must not take the editor's server down.
const report = (what: string) => (e: unknown) => {
  try {
    connection.console.error(`ECA Lens: ${what}: ${e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e)}`);
  } catch {
    // no connection left to report on
  }
};
process.on('uncaughtException', report('uncaught exception'));
process.on('unhandledRejection', report('unhandled rejection'));

// Over stdio the connection writes to process.stdout: let the session batch its writes.
startServer(connection, process.argv.includes('--stdio') ? { output: process.stdout } : {});
