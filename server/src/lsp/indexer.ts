/**
 * The first index (a cold start of the same machinery the changes use): open the projects the
 * folders want, check every file in batches with progress, then hand over to the change queue.
 * Also opens and drops projects when folders or `enable` change.
 */
import * as path from 'node:path';
import type { EcaProject } from '../engine';
import type { ChangeQueue } from './changeQueue';
import { CLIENT_ANSWER_MS, withTimeout, type SessionState } from './state';
import type { StatusReporter } from './status';
import type { ChangeSummary } from './workspace';

const CHECK_BATCH = 2000;

const tick = () => new Promise<void>((r) => setImmediate(r));

export class Indexer {
  /** Resolves when the first index is done (tests, benchmarks). */
  readonly ready: Promise<void>;
  private markReady!: () => void;

  constructor(
    private readonly st: SessionState,
    private readonly queue: ChangeQueue,
    private readonly statusReporter: StatusReporter,
  ) {
    this.ready = new Promise((r) => (this.markReady = r));
  }

  /** `resync`: applies settings or folders that changed while indexing. */
  async index(resync: () => void): Promise<void> {
    const { st, statusReporter } = this;
    st.indexing = true;
    const t0 = performance.now();
    try {
      const progress = st.caps.workDoneProgress ? await withTimeout(st.connection.window.createWorkDoneProgress().catch(() => undefined), CLIENT_ANSWER_MS, undefined) : undefined;
      progress?.begin('ECA Lens', 0, 'Looking for sfdx projects', false);
      statusReporter.status('indexing', 0);
      // Discovery reads nearly every folder the index then walks: each listing is read once.
      st.ws.listings.recording = true;
      const roots = st.ws.wantedRoots();
      st.ws.listings.recording = false;
      for (let i = 0; i < roots.length; i++) {
        const pct = Math.round(5 + (60 * i) / roots.length);
        progress?.report(pct, `Indexing ${path.basename(roots[i]!)}`);
        statusReporter.status('indexing', pct);
        await tick();
        st.guard(`indexing ${roots[i]}`, undefined, () => st.ws.openProject(roots[i]!));
      }
      const work: [EcaProject, string][] = [];
      for (const p of st.ws.projects) for (const q of p.allPaths()) work.push([p, q]);
      for (let i = 0; i < work.length; i += CHECK_BATCH) {
        const pct = Math.round(65 + (35 * i) / work.length);
        progress?.report(pct, `Checking ${i} of ${work.length} files`);
        for (const [p, q] of work.slice(i, i + CHECK_BATCH)) this.queue.publishPath(p, q);
        statusReporter.status('indexing', pct);
        await tick();
      }
      progress?.done();
    } catch (e) {
      st.logError('indexing', e);
    } finally {
      st.indexing = false;
      st.ws.listings.clear();
    }
    // The index asked about every file once; later changes ask about a few.
    for (const p of st.ws.projects) p.forgetForceIgnoreMatches();
    if (st.verbose) {
      const m = process.memoryUsage();
      const mb = (n: number) => `${(n / 1048576).toFixed(0)} MB`;
      st.log(`ECA Lens: indexed ${st.ws.projects.length} project(s) in ${(performance.now() - t0).toFixed(0)} ms (heap ${mb(m.heapUsed)} of ${mb(m.heapTotal)}, resident ${mb(m.rss)})`);
    }
    if (st.resyncAfterIndex) {
      st.resyncAfterIndex = false;
      resync();
    }
    this.queue.flush();
    statusReporter.notifyInventoryChanged(true);
    statusReporter.status('ready');
    this.markReady();
  }

  /** Open the projects the folders now want, drop the others (folders or `enable` changed). */
  syncProjects(): void {
    const { st } = this;
    if (st.indexing) {
      st.resyncAfterIndex = true;
      return;
    }
    const wanted = new Set(st.ws.wantedRoots());
    const summary: ChangeSummary = { changes: [], removed: [], added: [] };
    for (const p of st.ws.projects) if (!wanted.has(p.root)) summary.removed.push(st.ws.dropProject(p.root)!);
    for (const r of wanted) if (!st.ws.hasProject(r)) summary.added.push(st.ws.openProject(r));
    this.queue.applySummary(summary);
  }
}
