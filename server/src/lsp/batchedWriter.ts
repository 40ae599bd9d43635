/**
 * The server's writer over stdio: the messages of one job (one event-loop task) go out together.
 *
 * vscode-jsonrpc's stream writer queues each message behind a semaphore that runs one message per
 * `setImmediate`, encodes it through a promise and writes its header and body separately: a
 * `.forceignore` edit that updates 1,300 files cost 1,300 loop turns and 2,600 writes, and the
 * first index 4,000 of each (bench/lsp.mjs, `--cpu-prof`). This writer frames each message as the
 * library does (`Content-Length: N\r\n\r\n` + UTF-8 JSON, no Content-Type: the default) when it is
 * written, in the order written, and flushes once the current job is done (a microtask), or at once
 * when 128 KB are waiting: the client reads and parses those while the job goes on (a pipe write
 * is synchronous on Linux), and less waits in memory. With a megabyte, the folder-wide
 * `.forceignore` flip of bench/lsp.mjs took 76–101 ms (median) and the server held 114–116 MB
 * after indexing; with 128 KB 64–84 ms and 109–110 MB (three alternating pairs). A flush corks
 * the stream and writes the messages' buffers one by one, so node hands them to the system in one
 * `writev` without copying them into one big buffer (a megabyte allocated and freed per flush
 * raised the resident size). A failed write is reported
 * through `onError`, as the library's writer does; the connection decides what follows.
 */
import { AbstractMessageWriter, type Message, type MessageWriter } from 'vscode-languageserver/node';

/** What the writer needs of the output (process.stdout; a fake in tests). */
export interface ByteSink {
  write(chunk: Uint8Array, cb?: (err?: Error | null) => void): boolean;
  cork(): void;
  uncork(): void;
  on(event: 'error', listener: (err: Error) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
}

const FLUSH_BYTES = 1 << 17;

export class BatchedMessageWriter extends AbstractMessageWriter implements MessageWriter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private scheduled = false;
  private errors = 0;

  constructor(private readonly out: ByteSink) {
    super();
    out.on('error', (e) => this.fireError(e));
    out.on('close', () => this.fireClose());
  }

  write(msg: Message): Promise<void> {
    let body: Buffer;
    try {
      body = Buffer.from(JSON.stringify(msg), 'utf8');
    } catch (e) {
      this.fireError(e, msg, ++this.errors);
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
    const header = Buffer.from(`Content-Length: ${body.byteLength}\r\n\r\n`, 'ascii');
    this.pending.push(header, body);
    this.pendingBytes += header.byteLength + body.byteLength;
    if (this.pendingBytes >= FLUSH_BYTES) this.flush();
    else if (!this.scheduled) {
      this.scheduled = true;
      queueMicrotask(() => this.flush());
    }
    return Promise.resolve();
  }

  end(): void {
    this.flush();
  }

  /** Write what is waiting (also called by the scheduled microtask; a no-op when nothing waits). */
  flush(): void {
    this.scheduled = false;
    if (this.pending.length === 0) return;
    const chunks = this.pending;
    this.pending = [];
    this.pendingBytes = 0;
    let failed = false;
    const done = (err?: Error | null) => {
      if (err && !failed) {
        failed = true; // one report per flush, not per buffer
        this.fireError(err, undefined, ++this.errors);
      }
    };
    try {
      this.out.cork();
      try {
        for (const c of chunks) this.out.write(c, done);
      } finally {
        this.out.uncork();
      }
    } catch (e) {
      this.fireError(e, undefined, ++this.errors);
    }
  }
}
