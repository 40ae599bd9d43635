/**
 * Language server entry (bundled to server/out/server.js), started with `--stdio` or
 * `--node-ipc`. Creates the connection and hands it to `startServer` (lsp/startServer.ts), which
 * tests call in process with in-memory streams.
 */
import { format } from 'node:util';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/startServer';
import { BatchedMessageWriter } from './lsp/batchedWriter';
import { tuneHeap } from './util/heapTuning';

// A language server lives long and mostly waits: a small heap, grown in small steps, set before
// the project is indexed (util/heapTuning.ts; it replaced `--optimize-for-size`, which kept the
// same resident size at 1.5× the indexing time).
tuneHeap('server');

// Over stdio our writer sends the messages of one loop turn in one write (lsp/batchedWriter.ts).
// stdin stays a stream, so the library still ends the process when the editor closes it. Its typed
// overloads pair streams with streams; at run time it wraps a readable stream and takes a
// MessageWriter as it is (vscode-jsonrpc's createMessageConnection), hence the cast.
const stdio = process.argv.includes('--stdio');
const connection = stdio
  ? createConnection(ProposedFeatures.all, process.stdin, new BatchedMessageWriter(process.stdout) as unknown as NodeJS.WritableStream)
  : createConnection(ProposedFeatures.all);
if (stdio) {
  // stdout is the protocol: a stray console line from a dependency must not corrupt it (what the
  // library does itself when it opens stdio from the arguments).
  console.log = console.info = console.debug = (...a: unknown[]) => connection.console.log(format(...a));
  console.warn = (...a: unknown[]) => connection.console.warn(format(...a));
  console.error = console.trace = (...a: unknown[]) => connection.console.error(format(...a));
}

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

startServer(connection);
