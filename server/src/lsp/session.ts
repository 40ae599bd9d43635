/**
 * One language server session: the workspace (projects + overlay of open buffers), the change
 * queue, diagnostics, code actions, hover, commands and the custom requests. startServer.ts only
 * wires the connection's handlers to the methods here.
 *
 * The keystroke path never rescans: didChange → overlay text → `project.update(path)` → check the
 * affected paths → publish the ones whose diagnostics changed. Changes are coalesced per event-loop
 * turn (a burst of didChange for one document is processed once); there is no timer debounce,
 * since the update itself costs well under a millisecond for one ECA file.
 */
import * as path from 'node:path';
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  MessageType,
  ShowMessageNotification,
  TextDocumentSyncKind,
  WatchKind,
  type CodeAction,
  type CodeActionParams,
  type Command,
  type Connection,
  type DidChangeWatchedFilesParams,
  type ExecuteCommandParams,
  type Hover,
  type HoverParams,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceFoldersChangeEvent,
  type TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { docsUrl, type EcaProject, type Finding } from '../engine';
import { nodeFsHost, type FsHost } from '../project/fsHost';
import { PROJECT_FILE } from '../project/sfdxProject';
import { FORCEIGNORE } from '../project/forceIgnore';
import { TypeRegistry } from '../metadata/types';
import {
  Methods,
  ServerCommands,
  type ApplyFixArgs,
  type DevHubOrgIdParams,
  type EcaLensSettings,
  type FixAllArgs,
  type FixAllResult,
  type InitializationOptions,
  type RuleArgs,
  type StatusParams,
} from '../protocol';
import { pathToUri, uriToPath } from '../util/uri';
import { readCaps, type ClientCaps } from './capabilities';
import { DiagnosticsPublisher } from './diagnostics';
import { normalizeSettings } from './settings';
import { Workspace, isInside, type ChangeSummary } from './workspace';
import { autoFixes, codeActions, fixAllEdit, planEdit, planFor, FIX_ALL_KIND, type FixAllData } from './codeActions';
import { buildFixEdit, type EditEnv } from './edits';
import { elementHover, forceIgnoreHover, toPlain } from './hover';
import { checklistResult, devHubOrgIdResult, inventoryResult } from './requests';
import type { ChecklistResult, DevHubOrgIdResult, InventoryResult } from '../protocol';

const CHECK_BATCH = 2000;
const INVENTORY_NOTIFY_MS = 300;

const tick = () => new Promise<void>((r) => setImmediate(r));
/** How long to wait for the client's answer to a server request before going on without it. */
const CLIENT_ANSWER_MS = 5000;

function withTimeout<T, F>(p: Promise<T>, ms: number, fallback: F): Promise<T | F> {
  return new Promise((resolve) => {
    const t = setTimeout(() => resolve(fallback), ms);
    t.unref?.();
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      () => {
        clearTimeout(t);
        resolve(fallback);
      },
    );
  });
}

export interface SessionOptions {
  /** The disk (tests may pass another host). */
  host?: FsHost;
}


/** Files rules read through `textOf`/`listFiles` beyond the ECA family (re-checked on change). */
const READ_BY_RULES = /^\.gitignore$|\.(permissionset|profile|settings)-meta\.xml$/;
export class Session {
  readonly ws: Workspace;
  caps!: ClientCaps;
  private publisher!: DiagnosticsPublisher;
  private initOptions: InitializationOptions = {};
  private readonly types = new TypeRegistry();
  private readonly clientUris = new Map<string, string>();
  private readonly openDocs = new Map<string, TextDocument>();
  private readonly pending = new Set<string>();
  private scheduled = false;
  private indexing = false;
  private resyncAfterIndex = false;
  private shuttingDown = false;
  private verbose = false;
  private inventoryTimer: NodeJS.Timeout | undefined;
  private inventoryDirty = false;
  private lastStatus = '';
  /** Apps in every project; recounted when the inventory changes. */
  private appCount: number | undefined;
  /** Settings pushed by didChangeConfiguration (clients without workspace/configuration). */
  private pushedSettings: unknown;
  /** Resolves when the first index is done (tests, benchmarks). */
  readonly ready: Promise<void>;
  private markReady!: () => void;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    options: SessionOptions = {},
  ) {
    this.ws = new Workspace(options.host ?? nodeFsHost);
    this.ready = new Promise((r) => (this.markReady = r));
  }

  // ------------------------------------------------------------ helpers

  private log(msg: string): void {
    this.connection.console.log(msg);
  }

  private logError(where: string, e: unknown): void {
    const msg = e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e);
    try {
      this.connection.console.error(`ECA Lens: ${where} failed: ${msg}`);
    } catch {
      // the connection is gone: nothing to report to
    }
  }

  /** Run a handler; log and answer `fallback` on any error (the server never dies of bad input). */
  guard<T>(where: string, fallback: T, fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      this.logError(where, e);
      return fallback;
    }
  }

  async guardAsync<T>(where: string, fallback: T, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      this.logError(where, e);
      return fallback;
    }
  }

  /** A message without buttons: a notification, so no client waits on it. */
  private message(type: MessageType, message: string): void {
    void this.connection.sendNotification(ShowMessageNotification.type, { type, message }).catch(() => undefined);
  }

  uriOf = (p: string): string => this.clientUris.get(p) ?? pathToUri(p);

  private pathOf(uri: string): string | undefined {
    const p = uriToPath(uri);
    if (p) this.clientUris.set(p, uri);
    return p;
  }

  private versionOfPath = (p: string): number | null => this.openDocs.get(p)?.version ?? null;

  private get env(): EditEnv {
    return { caps: this.caps, toUri: this.uriOf, versionOf: this.versionOfPath };
  }

  /** Other files that rules read (`.gitignore`, permission sets, profiles, settings): the model re-checks their readers. */
  private isRelevant(p: string): boolean {
    const base = path.basename(p);
    return base === PROJECT_FILE || base === FORCEIGNORE || base === 'package.xml' || !!this.types.classifyFileName(base) || READ_BY_RULES.test(base);
  }

  // ------------------------------------------------------------ lifecycle

  initialize(params: InitializeParams): InitializeResult {
    this.caps = readCaps(params);
    this.initOptions = (params.initializationOptions ?? {}) as InitializationOptions;
    this.publisher = new DiagnosticsPublisher(
      (uri, diagnostics, version) => void this.connection.sendDiagnostics({ uri, diagnostics, ...(version !== undefined ? { version } : {}) }).catch((e) => this.logError('publishDiagnostics', e)),
      this.caps,
      this.uriOf,
      (uri) => this.documents.get(uri)?.version,
    );
    const initial = normalizeSettings(this.initOptions.settings);
    this.ws.defaultSettings = initial;
    const folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : params.rootPath ? [{ uri: pathToUri(params.rootPath), name: '' }] : []);
    for (const f of folders) {
      const p = uriToPath(f.uri);
      if (p) this.ws.setFolder(p, f.uri, initial);
    }
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: this.caps.codeActionLiterals
          ? { codeActionKinds: ['quickfix', FIX_ALL_KIND], resolveProvider: true }
          : true,
        hoverProvider: true,
        executeCommandProvider: { commands: Object.values(ServerCommands) },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'ECA Lens', version: typeof ECA_LENS_VERSION === 'string' ? ECA_LENS_VERSION : '0.0.0-dev' },
    };
  }

  async initialized(): Promise<void> {
    // Nothing waits on the registrations; settings and the progress token are waited for, but a
    // client that never answers only delays indexing by CLIENT_ANSWER_MS.
    void this.guardAsync('registration', undefined, () => this.register());
    await this.guardAsync('settings', undefined, () => withTimeout(this.fetchSettings(), CLIENT_ANSWER_MS, undefined));
    await this.index();
  }

  private async register(): Promise<void> {
    if (this.caps.watchedFilesDynamic) {
      const suffixes = this.types.all.map((t) => t.suffix).join(',');
      await this.connection.client.register(DidChangeWatchedFilesNotification.type, {
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
    if (this.caps.configurationDynamic) {
      await this.connection.client.register(DidChangeConfigurationNotification.type, { section: 'ecaLens' });
    }
  }

  private async fetchSettings(): Promise<void> {
    const folders = this.ws.folderList();
    const fallback = this.pushedSettings ?? this.initOptions.settings;
    let answers: unknown[] = [];
    if (this.caps.configuration) {
      const items = folders.length ? folders.map((f) => ({ scopeUri: f.uri, section: 'ecaLens' })) : [{ section: 'ecaLens' }];
      try {
        answers = (await this.connection.workspace.getConfiguration(items)) as unknown[];
      } catch (e) {
        this.logError('workspace/configuration', e);
      }
    }
    const pick = (i: number): EcaLensSettings => normalizeSettings(answers[i] ?? fallback);
    folders.forEach((f, i) => this.ws.setFolder(f.path, f.uri, pick(i)));
    this.ws.defaultSettings = folders.length ? normalizeSettings(fallback) : pick(0);
    this.verbose = [...this.ws.folderList().map((f) => f.settings), this.ws.defaultSettings].some((s) => s.trace.server === 'verbose');
  }

  shutdown(): void {
    this.shuttingDown = true;
    if (this.inventoryTimer) clearTimeout(this.inventoryTimer);
  }

  // ------------------------------------------------------------ indexing

  private async index(): Promise<void> {
    this.indexing = true;
    const t0 = performance.now();
    try {
      const progress = this.caps.workDoneProgress ? await withTimeout(this.connection.window.createWorkDoneProgress().catch(() => undefined), CLIENT_ANSWER_MS, undefined) : undefined;
      progress?.begin('ECA Lens', 0, 'Looking for sfdx projects', false);
      this.status('indexing', 0);
      const roots = this.ws.wantedRoots();
      for (let i = 0; i < roots.length; i++) {
        const pct = Math.round(5 + (60 * i) / roots.length);
        progress?.report(pct, `Indexing ${path.basename(roots[i]!)}`);
        this.status('indexing', pct);
        await tick();
        this.guard(`indexing ${roots[i]}`, undefined, () => this.ws.openProject(roots[i]!));
      }
      const work: [EcaProject, string][] = [];
      for (const p of this.ws.projects) for (const q of p.allPaths()) work.push([p, q]);
      for (let i = 0; i < work.length; i += CHECK_BATCH) {
        const pct = Math.round(65 + (35 * i) / work.length);
        progress?.report(pct, `Checking ${i} of ${work.length} files`);
        for (const [p, q] of work.slice(i, i + CHECK_BATCH)) this.publishPath(p, q);
        this.status('indexing', pct);
        await tick();
      }
      progress?.done();
    } catch (e) {
      this.logError('indexing', e);
    } finally {
      this.indexing = false;
    }
    if (this.verbose) this.log(`ECA Lens: indexed ${this.ws.projects.length} project(s) in ${(performance.now() - t0).toFixed(0)} ms`);
    if (this.resyncAfterIndex) {
      // Settings or folders changed while indexing.
      this.resyncAfterIndex = false;
      this.applySettings();
    }
    this.flush();
    this.notifyInventoryChanged(true);
    this.status('ready');
    this.markReady();
  }

  /** Open the projects the folders now want, drop the others (folders or `enable` changed). */
  private syncProjects(): void {
    if (this.indexing) {
      this.resyncAfterIndex = true;
      return;
    }
    const wanted = new Set(this.ws.wantedRoots());
    const summary: ChangeSummary = { changes: [], removed: [], added: [] };
    for (const p of this.ws.projects) if (!wanted.has(p.root)) summary.removed.push(this.ws.dropProject(p.root)!);
    for (const r of wanted) if (!this.ws.hasProject(r)) summary.added.push(this.ws.openProject(r));
    this.applySummary(summary);
  }

  // ------------------------------------------------------------ changes

  enqueue(p: string): void {
    this.pending.add(p);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.guard('change', undefined, () => this.flush()));
    }
  }

  /** Process queued changes now (request handlers call this so they see the latest text). */
  flush(): void {
    this.scheduled = false;
    if (this.indexing || this.pending.size === 0 || !this.publisher) return;
    const t0 = this.verbose ? performance.now() : 0;
    const paths = [...this.pending];
    this.pending.clear();
    const summary: ChangeSummary = { changes: [], removed: [], added: [] };
    for (const p of paths) {
      const s = this.guard(`update ${p}`, undefined, () => this.ws.change(p) ?? undefined);
      if (!s) continue;
      summary.changes.push(...s.changes);
      summary.removed.push(...s.removed);
      summary.added.push(...s.added);
      // A file opened outside every known project: adopt the project above it (single-file clients).
      if (!s.changes.length && !s.added.length && this.openDocs.has(p) && !this.ws.projectFor(p)) {
        const added = this.adoptProjectOf(p);
        if (added) summary.added.push(added);
      }
    }
    const sent = this.publisher.sent;
    this.applySummary(summary);
    if (this.verbose) this.log(`ECA Lens: ${paths.length} change(s) → ${this.publisher.sent - sent} publish(es) in ${(performance.now() - t0).toFixed(1)} ms`);
  }

  private adoptProjectOf(p: string): EcaProject | undefined {
    let dir = path.dirname(p);
    for (;;) {
      if (this.ws.host.isFile(path.join(dir, PROJECT_FILE))) break;
      const parent = path.dirname(dir);
      if (parent === dir) return undefined;
      dir = parent;
    }
    if (this.ws.hasProject(dir) || !this.ws.settingsFor(dir).enable) return undefined;
    return this.ws.openProject(dir);
  }

  private applySummary(s: ChangeSummary): void {
    let inventoryChanged = s.added.length > 0 || s.removed.length > 0;
    const toCheck = new Map<EcaProject, Set<string>>();
    const add = (p: EcaProject, q: string) => {
      let set = toCheck.get(p);
      if (!set) toCheck.set(p, (set = new Set()));
      set.add(q);
    };
    for (const c of s.changes) {
      for (const q of c.affected) add(c.project, q);
      if (c.inventoryChanged) inventoryChanged = true;
    }
    for (const p of s.added) for (const q of p.allPaths()) add(p, q);
    for (const gone of s.removed) {
      for (const q of this.publisher.paths()) {
        if (q === gone.projectFilePath || isInside(gone.root, q) || gone.file(q)) {
          const owner = this.ws.projectFor(q);
          if (owner) add(owner, q);
          else this.publisher.clear(q);
        }
      }
    }
    for (const [p, set] of toCheck) for (const q of set) this.publishPath(p, q);
    if (inventoryChanged) {
      this.appCount = undefined;
      this.notifyInventoryChanged();
    }
    this.status('ready');
  }

  private publishPath(project: EcaProject, p: string): void {
    let findings: readonly Finding[];
    try {
      findings = project.check(p);
    } catch (e) {
      this.logError(`check ${p}`, e);
      findings = [];
    }
    this.publisher.publish(p, findings);
  }

  private republishAll(projects: readonly EcaProject[]): void {
    const s: ChangeSummary = { changes: [], removed: [], added: [] };
    for (const p of projects) {
      const affected = new Set(p.allPaths());
      for (const q of this.publisher.paths()) if (this.ws.projectFor(q) === p) affected.add(q);
      s.changes.push({ project: p, affected, inventoryChanged: true });
    }
    this.applySummary(s);
  }

  // ------------------------------------------------------------ notifications from the client

  /** Does the project already hold exactly this text for the path (opening or closing an unchanged file)? */
  private sameAsIndexed(p: string, text: string): boolean {
    if (this.pending.has(p)) return false;
    const t = this.ws.projectFor(p)?.textOf(p);
    return !!t && (t.bom ? '\uFEFF' : '') + t.text === text;
  }

  didChangeContent(doc: TextDocument): void {
    const p = this.pathOf(doc.uri);
    if (!p || !this.isRelevant(p)) return;
    const text = doc.getText();
    const unchanged = !this.openDocs.has(p) && this.sameAsIndexed(p, text);
    this.openDocs.set(p, doc);
    this.ws.host.set(p, text);
    if (!unchanged) this.enqueue(p);
  }

  didClose(doc: TextDocument): void {
    const p = this.pathOf(doc.uri);
    if (!p || !this.openDocs.has(p)) return;
    this.openDocs.delete(p);
    this.ws.host.set(p, undefined);
    const disk = this.ws.host.readFile(p);
    if (disk && this.sameAsIndexed(p, Buffer.from(disk.buffer, disk.byteOffset, disk.byteLength).toString('utf8'))) return;
    this.enqueue(p);
  }

  didSave(doc: TextDocument): void {
    const p = this.pathOf(doc.uri);
    if (p && this.isRelevant(p)) this.enqueue(p);
  }

  didChangeWatchedFiles(params: DidChangeWatchedFilesParams): void {
    for (const c of params.changes) {
      const p = this.pathOf(c.uri);
      if (!p) continue;
      // Deletions of folders matter; other events only for the files ECA Lens reads.
      if (c.type === FileChangeType.Deleted || this.isRelevant(p)) this.enqueue(p);
    }
  }

  async didChangeConfiguration(settings: unknown): Promise<void> {
    const s = settings && typeof settings === 'object' ? (settings as Record<string, unknown>).ecaLens : undefined;
    if (s !== undefined) this.pushedSettings = s;
    await this.fetchSettings();
    this.applySettings();
  }

  private applySettings(): void {
    if (this.indexing) {
      this.resyncAfterIndex = true;
      return;
    }
    const { changed } = this.ws.applySettings();
    this.syncProjects();
    // Projects dropped by syncProjects (disabled) were cleared there.
    const still = changed.filter((p) => this.ws.projects.includes(p));
    if (still.length) this.republishAll(still);
  }

  didChangeWorkspaceFolders(e: WorkspaceFoldersChangeEvent): void {
    const removed: EcaProject[] = [];
    for (const f of e.removed) {
      const p = uriToPath(f.uri);
      if (p) removed.push(...this.ws.removeFolder(p));
    }
    if (removed.length) this.applySummary({ changes: [], removed, added: [] });
    for (const f of e.added) {
      const p = uriToPath(f.uri);
      if (p) this.ws.setFolder(p, f.uri);
    }
    void this.fetchSettings()
      .catch((err) => this.logError('settings', err))
      .then(() => this.syncProjects());
  }

  // ------------------------------------------------------------ status

  private status(state: StatusParams['state'], percentage?: number): void {
    if (this.shuttingDown) return;
    const projects = this.ws.projects;
    if (state === 'ready' && this.appCount === undefined) {
      let n = 0;
      for (const p of projects) {
        const names = new Set<string>();
        for (const f of p.files()) if (f.appName) names.add(f.appName);
        n += names.size;
      }
      this.appCount = n;
    }
    const apps = state === 'ready' ? (this.appCount ?? 0) : 0;
    const params: StatusParams = {
      state,
      projects: projects.length,
      apps,
      errors: this.publisher?.errors ?? 0,
      warnings: this.publisher?.warnings ?? 0,
      ...(percentage !== undefined ? { percentage } : {}),
    };
    const key = JSON.stringify(params);
    if (key === this.lastStatus) return;
    this.lastStatus = key;
    void this.connection.sendNotification(Methods.status, params).catch(() => undefined);
  }

  /** Tell the client to ask for the inventory again: at most every INVENTORY_NOTIFY_MS. */
  private notifyInventoryChanged(now = false): void {
    if (this.shuttingDown) return;
    const send = () => {
      this.inventoryTimer = undefined;
      this.inventoryDirty = false;
      void this.connection.sendNotification(Methods.inventoryChanged).catch(() => undefined);
    };
    if (now) {
      if (this.inventoryTimer) clearTimeout(this.inventoryTimer);
      send();
      return;
    }
    this.inventoryDirty = true;
    if (!this.inventoryTimer) {
      this.inventoryTimer = setTimeout(() => this.inventoryDirty && send(), INVENTORY_NOTIFY_MS);
      this.inventoryTimer.unref?.();
    }
  }

  // ------------------------------------------------------------ requests

  /** Project and path of a document, with pending changes applied; a vanished file is dropped. */
  private target(uri: string): { project: EcaProject; path: string } | undefined {
    this.flush();
    const p = this.pathOf(uri);
    if (!p) return undefined;
    const project = this.ws.projectFor(p);
    if (!project) return undefined;
    if (!this.openDocs.has(p) && project.file(p) && !this.ws.host.isFile(p)) {
      // Deleted behind our back (no watcher event yet): update now, answer nothing for it.
      this.enqueue(p);
      this.flush();
      return undefined;
    }
    return { project, path: p };
  }

  codeAction(params: CodeActionParams): (CodeAction | Command)[] {
    const t = this.target(params.textDocument.uri);
    if (!t) return [];
    return codeActions(t.project, t.path, params.textDocument.uri, params, this.env);
  }

  resolveCodeAction(action: CodeAction): CodeAction {
    const data = action.data as FixAllData | undefined;
    if (data?.kind !== 'fixAll' || typeof data.uri !== 'string') return action;
    const t = this.target(data.uri);
    if (!t) return action;
    return { ...action, edit: fixAllEdit(t.project, t.path, this.env) };
  }

  hover(params: HoverParams): Hover | null {
    const t = this.target(params.textDocument.uri);
    if (!t) return null;
    let h: Hover | null = null;
    if (path.basename(t.path) === FORCEIGNORE) {
      const projects = this.ws.projects.filter((p) => [...p.forceIgnores()].some((f) => f.path === t.path));
      h = forceIgnoreHover(projects, t.path, params.position);
    } else {
      const f = t.project.file(t.path);
      if (f) h = elementHover(t.project, f, params.position);
    }
    return h && !this.caps.hoverMarkdown ? toPlain(h) : h;
  }

  inventory(): InventoryResult {
    this.flush();
    return inventoryResult(this.ws.projects, this.uriOf);
  }

  checklist(): ChecklistResult {
    this.flush();
    return checklistResult(this.ws.projects, this.uriOf);
  }

  devHubOrgId(params: DevHubOrgIdParams | undefined): DevHubOrgIdResult {
    const p = params?.uri ? uriToPath(params.uri) : undefined;
    const project = p ? this.ws.projectFor(p) : this.ws.projects[0];
    const folder = this.ws.folderList()[0];
    return devHubOrgIdResult(project, p ?? folder?.path, (folder?.settings ?? this.ws.defaultSettings).devHubOrgId, this.ws.host);
  }

  // ------------------------------------------------------------ commands

  async executeCommand(params: ExecuteCommandParams): Promise<unknown> {
    const arg = (params.arguments ?? [])[0] as Record<string, unknown> | undefined;
    switch (params.command) {
      case ServerCommands.fixAll:
        return this.fixAllCommand(arg as FixAllArgs | undefined);
      case ServerCommands.applyFix:
        return this.applyFixCommand(arg as unknown as ApplyFixArgs);
      case ServerCommands.disableRule:
        return this.disableRuleCommand(arg as unknown as RuleArgs);
      case ServerCommands.showDocumentation:
        return this.showDocumentationCommand(arg as unknown as RuleArgs);
      default:
        return null;
    }
  }

  private async fixAllCommand(args: FixAllArgs | undefined): Promise<FixAllResult> {
    this.flush();
    let projects = this.ws.projects;
    if (args?.uri) {
      const p = uriToPath(args.uri);
      projects = p ? projects.filter((x) => x.root === p || isInside(x.root, p) || x === this.ws.projectFor(p)) : [];
    }
    let applied = 0;
    let skipped = 0;
    for (const project of projects) {
      const findings = [...project.checkAll().values()].flat();
      const fixable = findings.filter((f) => f.fixes.some((x) => x.preferred));
      const fixes = autoFixes(findings, this.env);
      const plan = planFor(project, fixes);
      skipped += plan.skipped.length + (fixable.length - fixes.length);
      if (plan.applied.length === 0) continue;
      const built = planEdit(plan, this.env);
      const r = await this.connection.workspace.applyEdit({ label: 'ECA Lens: fix all', edit: built.edit });
      if (r.applied) {
        applied += plan.applied.length;
        for (const q of built.paths) this.enqueue(q);
      } else skipped += plan.applied.length;
    }
    return { applied, skipped };
  }

  private async applyFixCommand(args: ApplyFixArgs | undefined): Promise<boolean> {
    if (!args || typeof args.uri !== 'string') return false;
    const t = this.target(args.uri);
    if (!t) return false;
    const finding = t.project
      .check(t.path)
      .find((f) => f.ruleId === args.ruleId && f.range.start.line === args.position?.line && f.range.start.character === args.position?.character);
    const fix = finding?.fixes[args.fix];
    if (!fix) {
      this.message(MessageType.Warning, 'ECA Lens: that problem changed in the meantime; ask for the fix again.');
      return false;
    }
    const built = buildFixEdit(fix, this.env);
    const hasText = built.edit.documentChanges ? built.edit.documentChanges.length > 0 : Object.keys(built.edit.changes ?? {}).length > 0;
    if (hasText) {
      const r = await this.connection.workspace.applyEdit({ label: fix.title, edit: built.edit });
      if (!r.applied) return false;
    }
    const host = this.ws.host;
    for (const o of built.serverOps) {
      if (o.kind === 'create') {
        if (!host.exists(o.path)) host.writeFile(o.path, new TextEncoder().encode(o.text));
      } else if (o.kind === 'delete') host.deleteFile(o.path);
      else if (!host.exists(o.newPath)) host.rename(o.path, o.newPath);
    }
    for (const q of built.paths) this.enqueue(q);
    this.flush();
    return true;
  }

  private disableRuleCommand(args: RuleArgs | undefined): boolean {
    if (!args || typeof args.ruleId !== 'string') return false;
    this.ws.sessionRules[args.ruleId] = 'off';
    this.applySettings();
    this.message(MessageType.Info, `ECA Lens: ${args.ruleId} is off until the server restarts. To keep it off, set "ecaLens.rules": { "${args.ruleId}": "off" } in your editor's settings.`);
    return true;
  }

  private async showDocumentationCommand(args: RuleArgs | undefined): Promise<{ uri: string } | null> {
    if (!args || typeof args.ruleId !== 'string') return null;
    const uri = docsUrl(args.ruleId);
    if (this.caps.showDocument) {
      const r = await this.connection.window.showDocument({ uri, external: true });
      if (r.success) return { uri };
    }
    this.message(MessageType.Info, `ECA Lens: documentation for ${args.ruleId}: ${uri}`);
    return { uri };
  }
}

declare const ECA_LENS_VERSION: string;
