/**
 * The change queue: paths that changed (buffers, saves, watched files, applied fixes) are queued
 * and processed once per event-loop turn; the keystroke path never rescans: overlay text →
 * `project.update(path)` → check the affected paths → publish the ones whose diagnostics changed.
 * There is no timer debounce, since the update itself costs well under a millisecond for one ECA
 * file. Request handlers `flush()` first so they see the latest text.
 */
import * as path from 'node:path';
import type { EcaProject, Finding } from '../engine';
import { PROJECT_FILE } from '../project/sfdxProject';
import type { SessionState } from './state';
import type { StatusReporter } from './status';
import { isInside, type ChangeSummary } from './workspace';

export class ChangeQueue {
  private readonly pending = new Set<string>();
  private scheduled = false;

  constructor(
    private readonly st: SessionState,
    private readonly statusReporter: StatusReporter,
  ) {}

  has(p: string): boolean {
    return this.pending.has(p);
  }

  enqueue(p: string): void {
    this.pending.add(p);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.st.guard('change', undefined, () => this.flush()));
    }
  }

  /** Process queued changes now (request handlers call this so they see the latest text). */
  flush(): void {
    this.scheduled = false;
    const st = this.st;
    if (st.indexing || this.pending.size === 0 || !st.publisher) return;
    const t0 = st.verbose ? performance.now() : 0;
    const paths = [...this.pending];
    this.pending.clear();
    const summary: ChangeSummary = { changes: [], removed: [], added: [] };
    for (const p of paths) {
      const s = st.guard(`update ${p}`, undefined, () => st.ws.change(p) ?? undefined);
      if (!s) continue;
      summary.changes.push(...s.changes);
      summary.removed.push(...s.removed);
      summary.added.push(...s.added);
      // A file opened outside every known project: adopt the project above it (single-file clients).
      if (!s.changes.length && !s.added.length && st.openDocs.has(p) && !st.ws.projectFor(p)) {
        const added = this.adoptProjectOf(p);
        if (added) summary.added.push(added);
      }
    }
    const sent = st.publisher.sent;
    const t1 = st.verbose ? performance.now() : 0;
    this.applySummary(summary);
    if (st.verbose) st.log(`ECA Lens: ${paths.length} change(s) → ${st.publisher.sent - sent} publish(es) in ${(performance.now() - t0).toFixed(1)} ms (update ${(t1 - t0).toFixed(1)} ms, check and publish ${(performance.now() - t1).toFixed(1)} ms)`);
  }

  private adoptProjectOf(p: string): EcaProject | undefined {
    const ws = this.st.ws;
    let dir = path.dirname(p);
    for (;;) {
      if (ws.host.isFile(path.join(dir, PROJECT_FILE))) break;
      const parent = path.dirname(dir);
      if (parent === dir) return undefined;
      dir = parent;
    }
    if (ws.hasProject(dir) || !ws.settingsFor(dir).enable) return undefined;
    return ws.openProject(dir);
  }

  /** Check and publish what a change touched; clear what left every project. */
  applySummary(s: ChangeSummary): void {
    const { ws, publisher } = this.st;
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
      for (const q of publisher.paths()) {
        if (q === gone.projectFilePath || isInside(gone.root, q) || gone.file(q)) {
          const owner = ws.projectFor(q);
          if (owner) add(owner, q);
          else publisher.clear(q);
        }
      }
    }
    for (const [p, set] of toCheck) for (const q of set) this.publishPath(p, q);
    if (inventoryChanged) this.statusReporter.inventoryChanged();
    this.statusReporter.status('ready');
  }

  publishPath(project: EcaProject, p: string): void {
    let findings: readonly Finding[];
    try {
      findings = project.check(p);
    } catch (e) {
      this.st.logError(`check ${p}`, e);
      findings = [];
    }
    this.st.publisher.publish(p, findings);
  }

  /** Re-check every file of these projects (their settings changed). */
  republishAll(projects: readonly EcaProject[]): void {
    const { ws, publisher } = this.st;
    const s: ChangeSummary = { changes: [], removed: [], added: [] };
    for (const p of projects) {
      const affected = new Set(p.allPaths());
      for (const q of publisher.paths()) if (ws.projectFor(q) === p) affected.add(q);
      s.changes.push({ project: p, affected, inventoryChanged: true });
    }
    this.applySummary(s);
  }

  /** Project and path of a document, with pending changes applied; a vanished file is dropped. */
  target(uri: string): { project: EcaProject; path: string } | undefined {
    this.flush();
    const st = this.st;
    const p = st.pathOf(uri);
    if (!p) return undefined;
    const project = st.ws.projectFor(p);
    if (!project) return undefined;
    if (!st.openDocs.has(p) && project.file(p) && !st.ws.host.isFile(p)) {
      // Deleted behind our back (no watcher event yet): update now, answer nothing for it.
      this.enqueue(p);
      this.flush();
      return undefined;
    }
    return { project, path: p };
  }
}
