/**
 * One language server session: builds the parts on one shared state (state.ts) and holds the
 * lifecycle (initialize, initialized, shutdown). startServer.ts wires the connection's handlers to
 * the parts: documentSync (files from the client), configuration (settings, folders),
 * changeQueue (what to re-check), indexer (first index), status, requestHandlers, commands.
 */
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
  WatchKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { PROJECT_FILE } from '../project/sfdxProject';
import { FORCEIGNORE } from '../project/forceIgnore';
import { ServerCommands, type InitializationOptions } from '../shared/protocol';
import { pathToUri, uriToPath } from '../util/uri';
import { readCaps } from './capabilities';
import { ChangeQueue } from './changeQueue';
import { FIX_ALL_KIND } from './codeActions';
import { CommandHandlers } from './commands';
import { COMPLETION_TRIGGERS } from './completion';
import { Configuration } from './configuration';
import { DiagnosticsPublisher } from './diagnostics';
import { DocumentSync } from './documentSync';
import { Indexer } from './indexer';
import { RequestHandlers } from './requestHandlers';
import { normalizeSettings } from './settings';
import { CLIENT_ANSWER_MS, SessionState, withTimeout, type SessionOptions } from './state';
import { StatusReporter } from './status';

export type { SessionOptions } from './state';

export class Session {
  readonly st: SessionState;
  readonly status: StatusReporter;
  readonly queue: ChangeQueue;
  readonly indexer: Indexer;
  readonly config: Configuration;
  readonly sync: DocumentSync;
  readonly requests: RequestHandlers;
  readonly commands: CommandHandlers;

  constructor(connection: Connection, documents: TextDocuments<TextDocument>, private readonly options: SessionOptions = {}) {
    this.st = new SessionState(connection, documents, options);
    this.status = new StatusReporter(this.st);
    this.queue = new ChangeQueue(this.st, this.status);
    this.indexer = new Indexer(this.st, this.queue, this.status);
    this.config = new Configuration(this.st, this.queue, this.indexer);
    this.sync = new DocumentSync(this.st, this.queue);
    this.requests = new RequestHandlers(this.st, this.queue);
    this.commands = new CommandHandlers(this.st, this.queue, this.config);
  }

  /** Resolves when the first index is done (tests, benchmarks). */
  get ready(): Promise<void> {
    return this.indexer.ready;
  }

  get caps() {
    return this.st.caps;
  }

  guard<T>(where: string, fallback: T, fn: () => T): T {
    return this.st.guard(where, fallback, fn);
  }

  guardAsync<T>(where: string, fallback: T, fn: () => Promise<T>): Promise<T> {
    return this.st.guardAsync(where, fallback, fn);
  }

  initialize(params: InitializeParams): InitializeResult {
    const st = this.st;
    st.caps = readCaps(params);
    st.initOptions = (params.initializationOptions ?? {}) as InitializationOptions;
    st.publisher = new DiagnosticsPublisher(
      (uri, diagnostics, version) => {
        void st.connection.sendDiagnostics({ uri, diagnostics, ...(version !== undefined ? { version } : {}) }).catch((e) => st.logError('publishDiagnostics', e));
      },
      st.caps,
      st.uriOf,
      (uri) => st.documents.get(uri)?.version,
      () => st.docsBase,
    );
    const initial = normalizeSettings(st.initOptions.settings);
    st.ws.defaultSettings = initial;
    st.docsBase = initial.docsBaseUrl;
    const folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : params.rootPath ? [{ uri: pathToUri(params.rootPath), name: '' }] : []);
    for (const f of folders) {
      const p = uriToPath(f.uri);
      if (p) st.ws.setFolder(p, f.uri, initial);
    }
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: st.caps.codeActionLiterals ? { codeActionKinds: ['quickfix', FIX_ALL_KIND], resolveProvider: true } : true,
        hoverProvider: true,
        completionProvider: { triggerCharacters: COMPLETION_TRIGGERS },
        executeCommandProvider: { commands: Object.values(ServerCommands) },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'ECA Lens', version: typeof ECA_LENS_VERSION === 'string' ? ECA_LENS_VERSION : '0.0.0-dev' },
    };
  }

  async initialized(): Promise<void> {
    // Nothing waits on the registrations; settings and the progress token are waited for, but a
    // client that never answers only delays indexing by CLIENT_ANSWER_MS.
    void this.st.guardAsync('registration', undefined, () => this.register());
    await this.st.guardAsync('settings', undefined, () => withTimeout(this.config.fetchSettings(), CLIENT_ANSWER_MS, undefined));
    await this.indexer.index(() => this.config.applySettings());
  }

  private async register(): Promise<void> {
    const st = this.st;
    if (st.caps.watchedFilesDynamic) {
      const suffixes = st.types.all.map((t) => t.suffix).join(',');
      await st.connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [
          { globPattern: `**/{${PROJECT_FILE},${FORCEIGNORE},package.xml,.gitignore}` },
          // Every ECA-family file, recognised or not (wrong-case suffixes, `.eca.xml`): the server
          // filters by name, which costs nothing for other metadata.
          { globPattern: '**/*-meta.xml' },
          { globPattern: `**/*.{${suffixes}}` },
          { globPattern: `**/*.{${suffixes}}.xml` },
          // Deleting a folder reports only the folder.
          { globPattern: '**/*', kind: WatchKind.Delete },
        ],
      });
    }
    if (st.caps.configurationDynamic) {
      await st.connection.client.register(DidChangeConfigurationNotification.type, { section: 'ecaLens' });
    }
  }

  shutdown(): void {
    this.st.shuttingDown = true;
    this.status.dispose();
  }
}

declare const ECA_LENS_VERSION: string;
