/**
 * The stdio writer (lsp/batchedWriter.ts): what one job writes goes out in one chunk, framed as
 * vscode-jsonrpc frames it (its own reader reads the messages back, in order, byte lengths right
 * for non-ASCII text), 128 KB waiting are written at once, and a failed write reaches onError.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { StreamMessageReader, type Message, type NotificationMessage } from 'vscode-languageserver/node';
import { BatchedMessageWriter, type ByteSink } from '../../server/src/lsp/batchedWriter';

/** Records what is written, and how many system writes that makes (a corked run is one). */
class Sink implements ByteSink {
  chunks: Buffer[] = [];
  writes = 0;
  private corked = 0;
  fail?: Error;
  cork(): void {
    if (this.corked++ === 0) this.writes++;
  }
  uncork(): void {
    this.corked--;
  }
  private readonly listeners: { error: ((e: Error) => void)[]; close: (() => void)[] } = { error: [], close: [] };
  write(chunk: Uint8Array, cb?: (err?: Error | null) => void): boolean {
    this.chunks.push(Buffer.from(chunk));
    if (this.corked === 0) this.writes++;
    queueMicrotask(() => cb?.(this.fail ?? null));
    return true;
  }
  on(event: 'error' | 'close', listener: ((e: Error) => void) | (() => void)): this {
    (this.listeners[event] as unknown[]).push(listener);
    return this;
  }
  emitClose(): void {
    for (const l of this.listeners.close) l();
  }
}

const note = (method: string, params: object): NotificationMessage => ({ jsonrpc: '2.0', method, params });
const tick = () => new Promise<void>((r) => setImmediate(r));

/** The messages vscode-jsonrpc's own reader reads from these bytes. */
async function readBack(bytes: Buffer, count: number): Promise<Message[]> {
  const stream = new PassThrough();
  const reader = new StreamMessageReader(stream);
  const got: Message[] = [];
  const done = new Promise<void>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`read ${got.length} of ${count} messages back`)), 2000);
    reader.listen((m) => {
      got.push(m);
      if (got.length === count) {
        clearTimeout(t);
        resolve();
      }
    });
  });
  stream.end(bytes);
  try {
    await done;
  } finally {
    reader.dispose();
  }
  return got;
}

test('batched writer: one job, one write; the library reads every message back in order', async () => {
  const sent = [note('textDocument/publishDiagnostics', { uri: 'file:///a', diagnostics: [] }), note('x', { text: 'éü — 𝄞 ünïcödé' }), note('y', { n: 3 })];
  // Awaited one by one (each await lets the flush run): a chunk per message, the same bytes.
  const sink = new Sink();
  const w = new BatchedMessageWriter(sink);
  for (const m of sent) await w.write(m);
  await tick();
  assert.equal(sink.writes, 3);
  // Written in one job (how the server publishes a batch): one chunk.
  const sink2 = new Sink();
  const w2 = new BatchedMessageWriter(sink2);
  for (const m of sent) void w2.write(m);
  assert.equal(sink2.writes, 0, 'nothing is written while the job runs');
  await tick();
  assert.equal(sink2.writes, 1, 'one write for the three messages');
  const bytes = Buffer.concat(sink2.chunks);
  assert.match(bytes.toString('utf8'), /^Content-Length: \d+\r\n\r\n\{/);
  assert.deepEqual(await readBack(bytes, sent.length), sent);
  assert.deepEqual(await readBack(Buffer.concat(sink.chunks), sent.length), sent, 'awaited writes give the same bytes');
  w.dispose();
  w2.dispose();
});

test('batched writer: 128 KB waiting are written at once; end() writes the rest', async () => {
  const sink = new Sink();
  const w = new BatchedMessageWriter(sink);
  const big = 'x'.repeat(50_000);
  const sent = [1, 2, 3, 4, 5].map((i) => note('big', { i, big }));
  for (const m of sent) void w.write(m);
  assert.equal(sink.writes, 1, 'the third message passes 128 KB: written before the job ends; the next two wait');
  w.end();
  assert.equal(sink.writes, 2, 'end() writes what waits');
  await tick();
  assert.equal(sink.writes, 2, 'nothing left for the scheduled flush');
  assert.deepEqual(await readBack(Buffer.concat(sink.chunks), sent.length), sent);
  w.dispose();
});

test('batched writer: a failed write and a closed output are reported', async () => {
  const sink = new Sink();
  sink.fail = new Error('EPIPE');
  const w = new BatchedMessageWriter(sink);
  const errors: string[] = [];
  let closed = 0;
  w.onError(([e]) => errors.push(e.message));
  w.onClose(() => closed++);
  void w.write(note('a', {}));
  await tick();
  assert.deepEqual(errors, ['EPIPE']);
  sink.emitClose();
  assert.equal(closed, 1);
  w.dispose();
});
