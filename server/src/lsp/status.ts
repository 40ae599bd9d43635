/**
 * What the client shows about the server: `ecaLens/status` (indexing progress, projects, apps,
 * error and warning counts; sent only when it changed) and `ecaLens/inventoryChanged` (at most
 * every INVENTORY_NOTIFY_MS, or now).
 */
import { Methods, type StatusParams } from '../shared/protocol';
import type { SessionState } from './state';

const INVENTORY_NOTIFY_MS = 300;

export class StatusReporter {
  private lastStatus = '';
  /** Apps in every project; recounted when the inventory changes. */
  private appCount: number | undefined;
  private inventoryTimer: NodeJS.Timeout | undefined;
  private inventoryDirty = false;

  constructor(private readonly st: SessionState) {}

  status(state: StatusParams['state'], percentage?: number): void {
    if (this.st.shuttingDown) return;
    const projects = this.st.ws.projects;
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
    const publisher = this.st.publisher as SessionState['publisher'] | undefined;
    const params: StatusParams = {
      state,
      projects: projects.length,
      apps,
      errors: publisher?.errors ?? 0,
      warnings: publisher?.warnings ?? 0,
      ...(percentage !== undefined ? { percentage } : {}),
    };
    const key = JSON.stringify(params);
    if (key === this.lastStatus) return;
    this.lastStatus = key;
    void this.st.connection.sendNotification(Methods.status, params).catch(() => undefined);
  }

  /** Files, apps or inclusion changed: recount the apps, tell the client to ask again. */
  inventoryChanged(now = false): void {
    this.appCount = undefined;
    this.notifyInventoryChanged(now);
  }

  /** Tell the client to ask for the inventory again: at most every INVENTORY_NOTIFY_MS. */
  notifyInventoryChanged(now = false): void {
    if (this.st.shuttingDown) return;
    const send = () => {
      this.inventoryTimer = undefined;
      this.inventoryDirty = false;
      void this.st.connection.sendNotification(Methods.inventoryChanged).catch(() => undefined);
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

  dispose(): void {
    if (this.inventoryTimer) clearTimeout(this.inventoryTimer);
  }
}
