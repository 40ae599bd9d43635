/**
 * A small LSP client for tests, over any pair of streams: the server in process (in-memory
 * streams, `startServer`) or the bundled server spawned over stdio. It keeps what an editor keeps:
 * the diagnostics per URI, open documents (it applies the server's workspace edits to them, or to
 * disk for closed files, and tells the server like an editor would), notifications received.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PassThrough, type Readable, type Writable } from 'node:stream';
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { pathToFileURL, fileURLToPath } from 'node:url';
import {
  createProtocolConnection,
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import type {
  ApplyWorkspaceEditParams,
  ClientCapabilities,
  CodeAction,
  Command,
  Diagnostic,
  Hover,
  InitializeResult,
  PublishDiagnosticsParams,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../../server/src/lsp/startServer';
import type { SessionOptions } from '../../server/src/lsp/session';
import type { StatusParams } from '../../server/src/shared/protocol';

export const uriOf = (p: string) => pathToFileURL(p).href;
export const pathOf = (u: string) => fileURLToPath(u);

/** The capabilities VS Code announces for what the server uses (a rich client). */
export const RICH_CAPS: ClientCapabilities = {
  workspace: {
    applyEdit: true,
    configuration: true,
    workspaceFolders: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] },
  },
  textDocument: {
    synchronization: { didSave: true, dynamicRegistration: false },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, tagSupport: { valueSet: [1, 2] } },
    codeAction: {
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
      isPreferredSupport: true,
      resolveSupport: { properties: ['edit'] },
      dataSupport: true,
    },
    hover: { contentFormat: ['markdown', 'plaintext'] },
  },
  window: { workDoneProgress: true, showDocument: { support: true } },
};

export interface Received {
  method: string;
  params: unknown;
}

export class TestClient {
  readonly diagnostics = new Map<string, Diagnostic[]>();
  readonly versions = new Map<string, number | undefined>();
  readonly received: Received[] = [];
  readonly docs = new Map<string, TextDocument>();
  /** What the server asked for: workspace/configuration answers come from here, per folder URI. */
  settings: Record<string, unknown> = {};
  /** Answer to window/showDocument. */
  shown: string[] = [];
  /** Registrations the server made. */
  registrations: { method: string; registerOptions?: unknown }[] = [];
  publishCount = 0;
  private waiters: (() => boolean)[] = [];
  private lastStatus: StatusParams | undefined;

  constructor(
    readonly conn: ProtocolConnection,
    readonly proc?: ChildProcess,
  ) {
    conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.publishCount++;
      this.diagnostics.set(p.uri, p.diagnostics);
      this.versions.set(p.uri, p.version);
      this.poke();
    });
    // Every other notification (a star handler: the typed API does not declare it).
    (conn as unknown as { onNotification(h: (method: string, params: unknown) => void): void }).onNotification((method, params) => {
      this.received.push({ method, params });
      if (method === 'ecaLens/status') this.lastStatus = params as StatusParams;
      this.poke();
    });
    (conn as unknown as { onUnhandledProgress(h: (params: unknown) => void): void }).onUnhandledProgress((params) => {
      this.received.push({ method: '$/progress', params });
      this.poke();
    });
    conn.onRequest('workspace/configuration', (p: { items: { scopeUri?: string; section?: string }[] }) =>
      p.items.map((i) => (i.scopeUri && i.scopeUri in this.settings ? this.settings[i.scopeUri] : (this.settings['*'] ?? null))),
    );
    conn.onRequest('window/workDoneProgress/create', () => null);
    conn.onRequest('client/registerCapability', (p: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      this.registrations.push(...p.registrations);
      return null;
    });
    conn.onRequest('window/showDocument', (p: { uri: string }) => {
      this.shown.push(p.uri);
      this.poke();
      return { success: true };
    });
    conn.onRequest('window/showMessageRequest', (params: unknown) => {
      this.received.push({ method: 'window/showMessageRequest', params });
      this.poke();
      return null;
    });
    conn.onRequest('workspace/applyEdit', (p: ApplyWorkspaceEditParams) => {
      this.applyEdit(p.edit);
      return { applied: true };
    });
    conn.listen();
  }

  private poke(): void {
    this.waiters = this.waiters.filter((w) => !w());
  }

  /** Resolve when `pred` holds (checked on every message), reject after `ms`. */
  waitFor(what: string, pred: () => boolean, ms = 20000): Promise<void> {
    if (pred()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== check);
        reject(new Error(`timed out waiting for ${what}`));
      }, ms);
      const check = () => {
        if (!pred()) return false;
        clearTimeout(t);
        resolve();
        return true;
      };
      this.waiters.push(check);
    });
  }

  /** Wait for the next publishDiagnostics for a path that satisfies `pred`. */
  async nextDiagnostics(p: string, pred: (d: Diagnostic[]) => boolean = () => true, ms?: number): Promise<Diagnostic[]> {
    const uri = uriOf(p);
    const start = this.publishCount;
    let got: Diagnostic[] | undefined;
    const before = this.diagnostics.get(uri);
    await this.waitFor(`diagnostics for ${p}`, () => {
      const d = this.diagnostics.get(uri);
      if (this.publishCount > start && d && d !== before && pred(d)) {
        got = d;
        return true;
      }
      return false;
    }, ms);
    return got!;
  }

  /**
   * Let the server settle. First a barrier: the server answers requests in order and applies
   * pending changes before answering, so every diagnostic caused by what was sent before comes
   * before the answer. Then no message for `quietMs` (for work the server started on its own, such
   * as a workspace edit it asked for). Never an assertion, only a wait.
   */
  async settle(quietMs = 150): Promise<void> {
    await this.conn.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///eca-lens-test-barrier' }, position: { line: 0, character: 0 } });
    let n = -1;
    while (n !== this.publishCount + this.received.length) {
      n = this.publishCount + this.received.length;
      await new Promise((r) => setTimeout(r, quietMs));
    }
  }

  diags(p: string): Diagnostic[] {
    return this.diagnostics.get(uriOf(p)) ?? [];
  }

  codes(p: string): string[] {
    return this.diags(p).map((d) => String(d.code)).sort();
  }

  status(): StatusParams | undefined {
    return this.lastStatus;
  }

  async initialize(folders: string[], opts: { capabilities?: ClientCapabilities; initializationOptions?: unknown; waitReady?: boolean } = {}): Promise<InitializeResult> {
    const res = (await this.conn.sendRequest('initialize', {
      processId: null,
      rootUri: folders[0] ? uriOf(folders[0]) : null,
      workspaceFolders: folders.map((f) => ({ uri: uriOf(f), name: path.basename(f) })),
      capabilities: opts.capabilities ?? RICH_CAPS,
      initializationOptions: opts.initializationOptions,
    })) as InitializeResult;
    await this.conn.sendNotification('initialized', {});
    if (opts.waitReady !== false) await this.ready();
    return res;
  }

  ready(): Promise<void> {
    return this.waitFor('status ready', () => this.received.some((r) => r.method === 'ecaLens/status' && (r.params as StatusParams).state === 'ready'));
  }

  async open(p: string, text = fs.readFileSync(p, 'utf8'), languageId = 'xml'): Promise<TextDocument> {
    const doc = TextDocument.create(uriOf(p), languageId, 1, text);
    this.docs.set(doc.uri, doc);
    await this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: doc.uri, languageId, version: 1, text } });
    return doc;
  }

  /** Replace the whole text of an open document (a full-text didChange). */
  async change(p: string, text: string): Promise<void> {
    const uri = uriOf(p);
    const old = this.docs.get(uri);
    if (!old) throw new Error(`${p} is not open`);
    const doc = TextDocument.create(uri, old.languageId, old.version + 1, text);
    this.docs.set(uri, doc);
    await this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: doc.version }, contentChanges: [{ text }] });
  }

  /** An incremental didChange. */
  async edit(p: string, edits: TextEdit[]): Promise<void> {
    const uri = uriOf(p);
    const old = this.docs.get(uri);
    if (!old) throw new Error(`${p} is not open`);
    const doc = TextDocument.update(TextDocument.create(uri, old.languageId, old.version, old.getText()), edits.map((e) => ({ range: e.range, text: e.newText })), old.version + 1);
    this.docs.set(uri, doc);
    await this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: doc.version }, contentChanges: edits.map((e) => ({ range: e.range, text: e.newText })) });
  }

  async save(p: string): Promise<void> {
    const uri = uriOf(p);
    const doc = this.docs.get(uri);
    if (doc) fs.writeFileSync(p, doc.getText());
    await this.conn.sendNotification('textDocument/didSave', { textDocument: { uri } });
  }

  async close(p: string): Promise<void> {
    const uri = uriOf(p);
    this.docs.delete(uri);
    await this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  text(p: string): string {
    return this.docs.get(uriOf(p))?.getText() ?? fs.readFileSync(p, 'utf8');
  }

  /** Tell the server about files changed on disk (1 created, 2 changed, 3 deleted). */
  async watched(changes: [string, 1 | 2 | 3][]): Promise<void> {
    await this.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: changes.map(([p, type]) => ({ uri: uriOf(p), type })) });
  }

  codeActions(p: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }, only?: string[], diagnostics: Diagnostic[] = []) {
    return this.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: uriOf(p) }, range, context: { diagnostics, ...(only ? { only } : {}) } }) as Promise<(CodeAction | Command)[]>;
  }

  resolve(a: CodeAction) {
    return this.conn.sendRequest('codeAction/resolve', a) as Promise<CodeAction>;
  }

  hover(p: string, line: number, character: number) {
    return this.conn.sendRequest('textDocument/hover', { textDocument: { uri: uriOf(p) }, position: { line, character } }) as Promise<Hover | null>;
  }

  request<T>(method: string, params?: unknown): Promise<T> {
    return this.conn.sendRequest(method, params) as Promise<T>;
  }

  /**
   * Apply a workspace edit as an editor does: open documents change in memory (and the server
   * hears didChange); closed files change on disk (and the server hears a watched-file event).
   */
  applyEdit(edit: WorkspaceEdit): void {
    const disk: [string, 1 | 2 | 3][] = [];
    const editText = (uri: string, edits: TextEdit[]) => {
      const doc = this.docs.get(uri);
      const p = pathOf(uri);
      const base = doc ?? TextDocument.create(uri, 'xml', 0, fs.existsSync(p) ? fs.readFileSync(p, 'utf8') : '');
      const text = TextDocument.applyEdits(base, edits);
      if (doc) {
        const next = TextDocument.create(uri, doc.languageId, doc.version + 1, text);
        this.docs.set(uri, next);
        void this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: next.version }, contentChanges: [{ text }] });
      } else {
        const existed = fs.existsSync(p);
        fs.mkdirSync(path.dirname(p), { recursive: true });
        fs.writeFileSync(p, text);
        disk.push([p, existed ? 2 : 1]);
      }
    };
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) editText(uri, edits);
    for (const c of edit.documentChanges ?? []) {
      if ('kind' in c) {
        if (c.kind === 'create') {
          const p = pathOf(c.uri);
          if (!fs.existsSync(p)) {
            fs.mkdirSync(path.dirname(p), { recursive: true });
            fs.writeFileSync(p, '');
            disk.push([p, 1]);
          }
        } else if (c.kind === 'delete') {
          const p = pathOf(c.uri);
          fs.rmSync(p, { force: true });
          disk.push([p, 3]);
        } else {
          const from = pathOf(c.oldUri);
          const to = pathOf(c.newUri);
          fs.mkdirSync(path.dirname(to), { recursive: true });
          fs.renameSync(from, to);
          disk.push([from, 3], [to, 1]);
        }
      } else {
        editText(c.textDocument.uri, c.edits as TextEdit[]);
      }
    }
    if (disk.length) void this.watched(disk);
  }

  async shutdown(): Promise<void> {
    await this.conn.sendRequest('shutdown');
  }

  dispose(): void {
    this.conn.dispose();
  }
}

/** The server in this process, over in-memory streams. */
export function inProcess(options: SessionOptions = {}): TestClient {
  const up = new PassThrough();
  const down = new PassThrough();
  const serverConn = createConnection(ProposedFeatures.all, up as Readable, down as Writable);
  startServer(serverConn, options);
  const conn = createProtocolConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
  return new TestClient(conn);
}

/** The bundled server (server/out/server.js) spawned over stdio. */
export function spawned(): TestClient {
  const server = process.env.ECA_LENS_SERVER ?? findUp('server/out/server.js');
  const proc = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  proc.stderr!.resume();
  const conn = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  return new TestClient(conn, proc);
}

/** The bundled server forked with `--node-ipc` (how the VS Code client may start it). */
export function forkedIpc(): TestClient {
  const server = process.env.ECA_LENS_SERVER ?? findUp('server/out/server.js');
  const proc = fork(server, ['--node-ipc'], { silent: true });
  proc.stderr?.resume();
  proc.stdout?.resume();
  const conn = createProtocolConnection(new IPCMessageReader(proc), new IPCMessageWriter(proc));
  return new TestClient(conn, proc);
}

export function findUp(rel: string): string {
  let d = __dirname;
  for (;;) {
    const p = path.join(d, rel);
    if (fs.existsSync(p)) return p;
    const parent = path.dirname(d);
    if (parent === d) throw new Error(`${rel} not found above ${__dirname}; run node scripts/build.mjs`);
    d = parent;
  }
}
