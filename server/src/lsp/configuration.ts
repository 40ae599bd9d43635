/**
 * Settings and workspace folders as they change: `workspace/configuration` per folder (with the
 * pushed settings of `didChangeConfiguration` and the initialization options as fallbacks), then
 * re-check the projects whose options changed and open or drop projects.
 */
import type { WorkspaceFoldersChangeEvent } from 'vscode-languageserver';
import type { EcaProject } from '../engine';
import type { EcaLensSettings } from '../shared/protocol';
import type { ChangeQueue } from './changeQueue';
import type { Indexer } from './indexer';
import { normalizeSettings } from './settings';
import type { SessionState } from './state';
import { uriToPath } from '../util/uri';

export class Configuration {
  constructor(
    private readonly st: SessionState,
    private readonly queue: ChangeQueue,
    private readonly indexer: Indexer,
  ) {}

  async fetchSettings(): Promise<void> {
    const { st } = this;
    const folders = st.ws.folderList();
    const fallback = st.pushedSettings ?? st.initOptions.settings;
    let answers: unknown[] = [];
    if (st.caps.configuration) {
      const items = folders.length ? folders.map((f) => ({ scopeUri: f.uri, section: 'ecaLens' })) : [{ section: 'ecaLens' }];
      try {
        answers = (await st.connection.workspace.getConfiguration(items)) as unknown[];
      } catch (e) {
        st.logError('workspace/configuration', e);
      }
    }
    const pick = (i: number): EcaLensSettings => normalizeSettings(answers[i] ?? fallback);
    folders.forEach((f, i) => st.ws.setFolder(f.path, f.uri, pick(i)));
    st.ws.defaultSettings = folders.length ? normalizeSettings(fallback) : pick(0);
    const all = [...st.ws.folderList().map((f) => f.settings), st.ws.defaultSettings];
    st.verbose = all.some((s) => s.trace.server === 'verbose');
    st.docsBase = all.find((s) => s.docsBaseUrl)?.docsBaseUrl;
  }

  async didChangeConfiguration(settings: unknown): Promise<void> {
    const s = settings && typeof settings === 'object' ? (settings as Record<string, unknown>).ecaLens : undefined;
    if (s !== undefined) this.st.pushedSettings = s;
    const docsBase = this.st.docsBase;
    await this.fetchSettings();
    this.applySettings(docsBase !== this.st.docsBase);
  }

  /** `docsChanged`: the documentation base changed, so every diagnostic's link did. */
  applySettings(docsChanged = false): void {
    const { st } = this;
    if (st.indexing) {
      st.resyncAfterIndex = true;
      return;
    }
    const { changed } = st.ws.applySettings();
    this.indexer.syncProjects();
    // Projects dropped by syncProjects (disabled) were cleared there.
    const still = (docsChanged ? st.ws.projects : changed).filter((p) => st.ws.projects.includes(p));
    if (still.length) this.queue.republishAll(still);
  }

  didChangeWorkspaceFolders(e: WorkspaceFoldersChangeEvent): void {
    const { st } = this;
    const removed: EcaProject[] = [];
    for (const f of e.removed) {
      const p = uriToPath(f.uri);
      if (p) removed.push(...st.ws.removeFolder(p));
    }
    if (removed.length) this.queue.applySummary({ changes: [], removed, added: [] });
    for (const f of e.added) {
      const p = uriToPath(f.uri);
      if (p) st.ws.setFolder(p, f.uri);
    }
    void this.fetchSettings()
      .catch((err) => st.logError('settings', err))
      .then(() => this.indexer.syncProjects());
  }
}
