/**
 * The set of sfdx projects the server serves: found in every workspace folder (multi-root; a
 * folder may hold several projects, nested ones included), indexed through one overlay host that
 * serves open editor buffers, and updated one path at a time. A file belongs to the deepest
 * project root that holds it. No LSP connection here: the session drives it.
 */
import * as path from 'node:path';
import { EcaProject, type EngineOptions, type Rule, type SeverityOrOff } from '../engine';
import { OverlayFsHost, type FsHost } from '../project/fsHost';
import { PROJECT_FILE } from '../project/sfdxProject';
import { findProjectRoots, isInside } from '../project/discover';
import { ListingMemo } from '../project/listingMemo';
import { FORCEIGNORE } from '../project/forceIgnore';
import { DEFAULT_SETTINGS, type EcaLensSettings } from '../shared/protocol';
import { engineOptions, excludeKey, optionsKey } from './settings';

export interface FolderState {
  path: string;
  uri: string;
  settings: EcaLensSettings;
}

export interface ProjectChange {
  project: EcaProject;
  affected: Set<string>;
  inventoryChanged: boolean;
}

export interface ChangeSummary {
  changes: ProjectChange[];
  /** Projects that went away: clear every diagnostic they published. */
  removed: EcaProject[];
  /** Projects that appeared (already loaded): check and publish everything. */
  added: EcaProject[];
}

export { isInside };

/** Project roots for a folder (the one discovery the CLI uses too). */
export function discoverRoots(folder: string, host: FsHost, depth?: number): string[] {
  return findProjectRoots(folder, host, depth);
}

export class Workspace {
  readonly host: OverlayFsHost;
  /** Below the overlay: the listings the first index's discovery read, for its walk (Indexer). */
  readonly listings: ListingMemo;
  private readonly folders = new Map<string, FolderState>();
  private readonly entries = new Map<string, { project: EcaProject; optionsKey: string; excludeKey: string }>();
  /** Roots, deepest first. */
  private sortedRoots: string[] = [];
  /** Rule overrides made in this session (the server-side "disable rule"). */
  readonly sessionRules: Record<string, SeverityOrOff> = {};
  /** Settings for files outside every folder (clients that open a single file). */
  defaultSettings: EcaLensSettings = DEFAULT_SETTINGS;

  constructor(
    base: FsHost,
    /** The rules to run (default: all). For tests. */
    private readonly ruleSet?: readonly Rule[],
  ) {
    this.listings = new ListingMemo(base);
    this.host = new OverlayFsHost(this.listings);
  }

  // ------------------------------------------------------------ folders and settings

  setFolder(folderPath: string, uri: string, settings?: EcaLensSettings): void {
    const p = path.resolve(folderPath);
    const old = this.folders.get(p);
    this.folders.set(p, { path: p, uri, settings: settings ?? old?.settings ?? this.defaultSettings });
  }

  removeFolder(folderPath: string): EcaProject[] {
    const p = path.resolve(folderPath);
    this.folders.delete(p);
    const removed: EcaProject[] = [];
    for (const root of [...this.entries.keys()]) {
      if (!this.folderFor(root)) removed.push(this.dropProject(root)!);
    }
    return removed;
  }

  folderList(): FolderState[] {
    return [...this.folders.values()];
  }

  /** The folder whose settings apply to a project root: the deepest folder holding it, else a folder inside it. */
  folderFor(root: string): FolderState | undefined {
    let best: FolderState | undefined;
    for (const f of this.folders.values()) {
      if (f.path === root || isInside(f.path, root)) {
        if (!best || f.path.length > best.path.length) best = f;
      }
    }
    if (best) return best;
    for (const f of this.folders.values()) if (isInside(root, f.path)) return f;
    return undefined;
  }

  settingsFor(root: string): EcaLensSettings {
    return this.folderFor(root)?.settings ?? this.defaultSettings;
  }

  optionsFor(root: string): EngineOptions {
    const o = engineOptions(this.settingsFor(root), this.sessionRules);
    return this.ruleSet ? { ...o, ruleSet: this.ruleSet } : o;
  }

  // ------------------------------------------------------------ projects

  get projects(): EcaProject[] {
    return this.sortedRoots.map((r) => this.entries.get(r)!.project);
  }

  hasProject(root: string): boolean {
    return this.entries.has(root);
  }

  /** Every project root the enabled folders hold. */
  wantedRoots(): string[] {
    const out = new Set<string>();
    for (const f of this.folders.values()) {
      if (!f.settings.enable) continue;
      for (const r of discoverRoots(f.path, this.host)) if (this.settingsFor(r).enable) out.add(r);
    }
    return [...out].sort();
  }

  /** Create and index a project (synchronous: a cold index). */
  openProject(root: string): EcaProject {
    const existing = this.entries.get(root);
    if (existing) return existing.project;
    const options = this.optionsFor(root);
    const project = new EcaProject(root, this.host, options);
    project.load();
    this.entries.set(root, { project, optionsKey: optionsKey(options), excludeKey: excludeKey(options) });
    this.sortRoots();
    return project;
  }

  dropProject(root: string): EcaProject | undefined {
    const e = this.entries.get(root);
    if (!e) return undefined;
    this.entries.delete(root);
    this.sortRoots();
    return e.project;
  }

  private sortRoots(): void {
    this.sortedRoots = [...this.entries.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  }

  /** The project a file belongs to: the deepest root holding it, else one whose package directory holds it. */
  projectFor(p: string): EcaProject | undefined {
    for (const r of this.sortedRoots) {
      if (p === r || isInside(r, p)) return this.entries.get(r)!.project;
    }
    for (const r of this.sortedRoots) {
      const pr = this.entries.get(r)!.project;
      if (pr.config.packageDirectories.some((d) => p === d.absPath || isInside(d.absPath, p))) return pr;
    }
    return undefined;
  }

  /**
   * Re-apply settings: projects whose options changed get them (and a re-index when the exclude
   * globs changed). Returns the projects whose findings must all be re-published.
   */
  applySettings(): { changed: EcaProject[] } {
    const changed: EcaProject[] = [];
    for (const [root, e] of this.entries) {
      const o = this.optionsFor(root);
      const key = optionsKey(o);
      if (key === e.optionsKey) continue;
      const reindex = excludeKey(o) !== e.excludeKey;
      e.project.setOptions(o);
      if (reindex) e.project.load();
      e.optionsKey = key;
      e.excludeKey = excludeKey(o);
      changed.push(e.project);
    }
    return { changed };
  }

  // ------------------------------------------------------------ changes

  /**
   * A path changed on disk or in an editor buffer (created, edited, deleted; a file or a folder).
   * Only the owning project re-reads it; `.forceignore` goes to every project it may govern;
   * `sfdx-project.json` may add or remove a project.
   */
  change(p: string): ChangeSummary {
    const out: ChangeSummary = { changes: [], removed: [], added: [] };
    const base = path.basename(p);
    if (base === PROJECT_FILE) {
      this.projectFileChanged(p, out);
      return out;
    }
    // A deleted folder may take whole projects with it.
    if (!this.host.isFile(p)) {
      for (const root of [...this.entries.keys()]) {
        if ((root === p || isInside(p, root)) && !this.host.isFile(path.join(root, PROJECT_FILE))) {
          out.removed.push(this.dropProject(root)!);
        }
      }
    }
    if (base === FORCEIGNORE) {
      const dir = path.dirname(p);
      for (const project of this.projects) {
        // SDR searches upward from each package directory: a .forceignore at or above one may govern it.
        const governs = project.config.packageDirectories.some((d) => d.absPath === dir || isInside(dir, d.absPath));
        if (governs || isInside(project.root, p)) {
          const r = project.update(p);
          out.changes.push({ project, ...r });
        }
      }
      return out;
    }
    const project = this.projectFor(p);
    if (!project) {
      // A file no project holds, that rules of some read (the repository's .gitignore above them).
      for (const pr of this.projects) if (pr.hasReaders(p)) out.changes.push({ project: pr, ...pr.update(p) });
      return out;
    }
    const r = project.update(p);
    if (r.affected.size || r.inventoryChanged) out.changes.push({ project, ...r });
    return out;
  }

  private projectFileChanged(p: string, out: ChangeSummary): void {
    const root = path.dirname(p);
    const exists = this.host.isFile(p);
    const own = this.entries.get(root);
    if (own) {
      if (!exists) {
        out.removed.push(this.dropProject(root)!);
        // The enclosing project (if any) now owns the files that were nested.
        this.reloadEnclosing(root, out);
        return;
      }
      const r = own.project.update(p);
      out.changes.push({ project: own.project, ...r });
      return;
    }
    if (!exists) return;
    const folder = this.folderFor(root);
    if (!folder || !folder.settings.enable || !this.wantedRoots().includes(root)) return;
    const project = this.openProject(root);
    out.added.push(project);
    // The enclosing project no longer owns the files of the new nested one.
    this.reloadEnclosing(root, out);
  }

  private reloadEnclosing(root: string, out: ChangeSummary): void {
    const parent = this.sortedRoots.find((r) => r !== root && isInside(r, root));
    if (!parent) return;
    const project = this.entries.get(parent)!.project;
    const before = project.allPaths();
    project.load();
    const affected = new Set([...before, ...project.allPaths()]);
    out.changes.push({ project, affected, inventoryChanged: true });
  }
}
