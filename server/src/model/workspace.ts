/**
 * The workspace model of one sfdx project: every ECA-family file with its type, package directory,
 * app and build verdict (SDR semantics, by which `.forceignore` line), the apps, the `.forceignore`
 * files, the folder names, and, read lazily, any other file of the project tree. Indexed once
 * (`load`), then updated one path at a time (`update`), which answers which files' inputs changed.
 * It knows nothing of rules: the engine (engine/project.ts) runs them over it.
 *
 * Dependency graph (what a change affects):
 * - an ECA file → the files of its app (old and new app name) and every `.forceignore` (rules
 *   that look at which folders exist);
 * - a `.forceignore` → the package directories it governs (inclusion recomputed) and itself;
 * - `sfdx-project.json` → everything;
 * - any other file → whoever read it (reported to `readObserver`; the engine keeps the readers).
 */
import { findGitRoot, ignoreFilesAbove, type IgnoreFileAt } from '../project/gitIgnore';
import type { Baseline } from '../project/releaseSnapshot';
import * as path from 'node:path';
import { TypeRegistry, type EcaTypeInfo, type FileNameInfo } from '../metadata/types';
import type { TextFile } from '../util/text';
import type { FsHost } from '../project/fsHost';
import { toPosixRelative } from '../project/fsHost';
import { packageDirectoryOf, PROJECT_FILE, type PackageDirectory, type SfdxProjectConfig } from '../project/sfdxProject';
import { FORCEIGNORE, ForceIgnoreFile, decodeForceIgnore, findForceIgnorePath } from '../project/forceIgnore';
import { devHubFromSetting, findDevHubOrgId, type DevHubLookup } from '../project/devHub';
import { isInside } from '../project/discover';
import type { AppInfo, EcaFile, ProjectView } from './types';
import type { ModelOptions, ChangeResult, ReadKey } from './options';
import { updateForceIgnore } from './forceIgnoreUpdate';
import { walkProject, collectPaths, inProjectTree, readProjectFile, excluder, foldersUp } from './walk';
import { verdictOf } from './verdict';
import { OtherFiles } from './otherFiles';
import { makeEcaFile, verdictRead, readContent, satelliteApp } from './ecaFile';

export type { ModelOptions, ChangeResult, ReadKey } from './options';

export class WorkspaceModel implements ProjectView {
  readonly types: TypeRegistry;
  readonly projectFilePath: string;
  config!: SfdxProjectConfig;
  private projectDoc: TextFile | undefined;
  private readonly ecaFiles = new Map<string, EcaFile>();
  private readonly appIndex = new Map<string, Set<string>>();
  /** filesRelativeTo() per .forceignore path; cleared when a file appears or vanishes. */
  private readonly relCache = new Map<string, { fi: ForceIgnoreFile; rels: string[] }>();
  /** AppInfo per app name, dropped whenever one of the app's files is replaced or removed. */
  private readonly appCache = new Map<string, AppInfo>();
  /** .forceignore path → parsed file (null: known not to exist). */
  private readonly fiFiles = new Map<string, ForceIgnoreFile | null>();
  /** package dir abs path → governing .forceignore path. */
  private readonly governing = new Map<string, string | undefined>();
  private readonly dirNames = new Set<string>();
  private isExcluded: (abs: string) => boolean = () => false;
  private known: ModelOptions['known'];
  private devHubCache: DevHubLookup | undefined;
  private gitRootCache: { root: string | undefined; above?: readonly IgnoreFileAt[] } | undefined;
  private readonly other: OtherFiles;
  /** Told of every read of a file the index does not hold, and of every listing. */
  protected readObserver: ((key: ReadKey) => void) | undefined;

  readonly root: string;

  constructor(
    root: string,
    readonly host: FsHost,
    protected options: ModelOptions = {},
  ) {
    this.root = path.resolve(root);
    this.other = new OtherFiles(this.root, host, (abs) => this.isExcluded(abs));
    this.types = new TypeRegistry(options.extraTypes);
    this.projectFilePath = path.join(this.root, PROJECT_FILE);
  }

  // ---------------------------------------------------------------- indexing

  /** Cold index: project file, package directories, every ECA-family file, every .forceignore. */
  load(): void {
    this.ecaFiles.clear();
    this.appIndex.clear();
    this.appCache.clear();
    this.relCache.clear();
    this.fiFiles.clear();
    this.governing.clear();
    this.dirNames.clear();
    this.devHubCache = undefined;
    this.gitRootCache = undefined;
    this.other.clear();
    this.isExcluded = excluder(this.root, this.options.exclude);
    this.readProjectFile();
    for (const d of this.config.packageDirectories) this.governingForceIgnore(d);
    const roots = [this.root, ...this.config.packageDirectories.map((d) => d.absPath).filter((p) => !isInside(this.root, p))];
    const seen = new Set<string>();
    // The same walk lists every file for listFiles (no second walk).
    const all: string[] = [];
    // Files known unchanged (check --cache) are read when asked for, during this index only.
    this.known = this.options.known;
    try {
      for (const r of roots) this.walk(r, seen, true, all);
    } finally {
      this.known = undefined;
    }
    this.other.seed(all, this.config.packageDirectories);
  }

  /** New options; call `load()` after a change of `exclude` or `extraTypes`. */
  setOptions(options: ModelOptions): void {
    [this.options, this.devHubCache] = [options, undefined];
  }

  private readProjectFile(): void {
    ({ doc: this.projectDoc, config: this.config } = readProjectFile(this.root, this.projectFilePath, this.host, !!this.options.noProjectFile));
  }

  private walk(dir: string, seen: Set<string>, isRoot: boolean, all: string[]): void {
    walkProject(this.host, dir, seen, isRoot, {
      skip: (abs) => this.isExcluded(abs),
      onDir: (name) => this.dirNames.add(name.toLowerCase()),
      onForceIgnore: (abs) => {
        if (!this.isExcluded(abs)) all.push(abs);
        if (!this.fiFiles.get(abs)) this.loadForceIgnore(abs);
      },
      onFile: (abs, name) => {
        all.push(abs);
        const info = this.types.classifyFileName(name);
        if (info) this.addFile(abs, info);
      },
    });
  }

  private loadForceIgnore(p: string): ForceIgnoreFile | undefined {
    // Decoded as SDR reads it (never fails on content); null only when the file can't be read at
    // all, which SDR also treats as "ignore nothing".
    const bytes = this.host.readFile(p);
    const fi = bytes ? new ForceIgnoreFile(p, decodeForceIgnore(bytes)) : null;
    this.fiFiles.set(p, fi);
    return fi ?? undefined;
  }

  private governingForceIgnore(d: PackageDirectory): ForceIgnoreFile | undefined {
    let p: string | undefined;
    if (this.governing.has(d.absPath)) p = this.governing.get(d.absPath);
    else {
      // SDR's searchUp stops at the first path named .forceignore that exists (existsSync), even a
      // folder or an unreadable file; that one then ignores nothing.
      p = findForceIgnorePath(d.absPath, (c) => !!this.fiFiles.get(c) || this.host.exists(c));
      this.governing.set(d.absPath, p);
    }
    if (!p) return undefined;
    const cached = this.fiFiles.get(p);
    if (cached !== undefined) return cached ?? undefined;
    return this.loadForceIgnore(p);
  }

  /** Read, parse and classify one ECA-family file (or, known unchanged, defer the read); replaces any earlier entry. */
  private addFile(abs: string, classified?: FileNameInfo): EcaFile | undefined {
    const info = classified ?? this.types.classifyFileName(path.basename(abs));
    if (!info) return undefined;
    const known = this.known?.get(abs);
    const content = known ? () => readContent(this.host, abs) : readContent(this.host, abs);
    const type = info.kind === 'recognized' ? info.type : undefined;
    let appName: string | undefined;
    if (type && !type.satellite) appName = type.name === 'ConnectedApp' ? undefined : info.fullName;
    else if (type) appName = typeof content === 'function' ? (known?.app ?? undefined) : satelliteApp(content.xml);
    const packageDir = packageDirectoryOf(this.config, abs);
    const metadataFormat = info.kind === 'recognized' && info.metadataFormat;
    const verdict = known ? { included: known.included, later: () => this.verdict(abs, type, packageDir, metadataFormat) } : this.verdict(abs, type, packageDir, metadataFormat);
    const f = makeEcaFile({ path: abs, rel: toPosixRelative(this.root, abs), nameInfo: info, type, fullName: info.fullName, packageDir, appName }, content, verdict);
    if (!this.removeFromIndex(abs)) this.relCache.clear();
    this.ecaFiles.set(abs, f);
    if (appName) {
      this.appCache.delete(appName);
      let s = this.appIndex.get(appName);
      if (!s) this.appIndex.set(appName, (s = new Set()));
      s.add(abs);
    }
    return f;
  }

  private verdict(abs: string, type: EcaTypeInfo | undefined, packageDir: PackageDirectory | undefined, metadataFormat: boolean): Pick<EcaFile, 'included' | 'exclusion'> {
    return verdictOf(abs, type, packageDir, metadataFormat, (d) => this.governingForceIgnore(d), (p) => this.fiFiles.get(p) ?? undefined);
  }

  private removeFromIndex(abs: string): EcaFile | undefined {
    const old = this.ecaFiles.get(abs);
    if (!old) return undefined;
    this.ecaFiles.delete(abs);
    if (old.appName) {
      this.appCache.delete(old.appName);
      const s = this.appIndex.get(old.appName);
      s?.delete(abs);
      if (s && s.size === 0) this.appIndex.delete(old.appName);
    }
    return old;
  }

  // ---------------------------------------------------------------- incremental updates

  /**
   * A file changed, appeared or vanished (on disk or in an editor buffer served by the host).
   * Re-reads only that file and re-checks what depends on it.
   */
  update(abs: string): ChangeResult & { listingChanged: boolean } {
    const listingChanged = this.other.update(abs);
    return { ...this.updateIndex(abs), listingChanged };
  }

  private updateIndex(abs: string): ChangeResult {
    const affected = new Set<string>();
    const base = path.basename(abs);
    if (abs === this.projectFilePath) {
      const before = new Set(this.allPaths());
      this.load();
      for (const p of before) affected.add(p);
      for (const p of this.allPaths()) affected.add(p);
      return { affected, inventoryChanged: true };
    }
    if (base === FORCEIGNORE) return this.updateForceIgnore(abs);
    const exists = this.host.isFile(abs);
    if (!exists && !this.ecaFiles.has(abs)) {
      // Maybe a folder vanished or appeared: handle every known file below it, or walk it.
      return this.updateFolder(abs);
    }
    if (!this.types.classifyFileName(base) || this.isExcluded(abs) || !this.isInProjectTree(abs)) return { affected, inventoryChanged: false };
    const old = this.ecaFiles.get(abs);
    const created = !old;
    let nf: EcaFile | undefined;
    if (exists) nf = this.addFile(abs);
    else if (this.removeFromIndex(abs)) this.relCache.clear();
    affected.add(abs);
    for (const name of [old?.appName, nf?.appName]) if (name) for (const p of this.appIndex.get(name) ?? []) affected.add(p);
    const setChanged = created || !exists;
    if (setChanged) {
      for (const name of foldersUp(this.root, abs)) this.dirNames.add(name.toLowerCase());
      for (const fi of this.forceIgnores()) affected.add(fi.path);
    }
    const inventoryChanged = setChanged || old?.appName !== nf?.appName || old?.included !== nf?.included || old?.type !== nf?.type;
    return { affected, inventoryChanged };
  }

  private isInProjectTree(abs: string): boolean {
    return inProjectTree(this.root, this.config, this.host, abs);
  }


  private updateFolder(abs: string): ChangeResult {
    const affected = new Set<string>();
    const prefix = abs.endsWith(path.sep) ? abs : abs + path.sep;
    let changed = false;
    for (const p of [...this.ecaFiles.keys()]) {
      if (p.startsWith(prefix) && !this.host.isFile(p)) {
        const r = this.update(p);
        r.affected.forEach((x) => affected.add(x));
        changed = true;
      }
    }
    if (this.host.isDirectory(abs) && this.isInProjectTree(path.join(abs, 'x'))) {
      const found: string[] = [];
      collectPaths(this.host, abs, new Set(), found, (name) => !!this.types.classifyFileName(name));
      for (const p of found) {
        const r = this.update(p);
        r.affected.forEach((x) => affected.add(x));
        changed = true;
      }
    }
    return { affected, inventoryChanged: changed };
  }

  private updateForceIgnore(abs: string): ChangeResult {
    return updateForceIgnore(abs, {
      host: this.host,
      config: this.config,
      fiFiles: this.fiFiles,
      governing: this.governing,
      files: this.ecaFiles.values(),
      appFiles: (name) => this.appIndex.get(name) ?? [],
      load: (p) => this.loadForceIgnore(p),
      governingFor: (d) => this.governingForceIgnore(d),
      verdict: (f) => this.verdict(f.path, f.type, f.packageDir, f.nameInfo.kind === 'recognized' && f.nameInfo.metadataFormat),
      replace: (f) => this.replaceFile(f),
    });
  }

  // ---------------------------------------------------------------- ProjectView

  files(): Iterable<EcaFile> {
    return this.ecaFiles.values();
  }
  file(p: string): EcaFile | undefined {
    return this.ecaFiles.get(p);
  }
  app(name: string): AppInfo | undefined {
    const cached = this.appCache.get(name);
    if (cached) return cached;
    const s = this.appIndex.get(name);
    if (!s || s.size === 0) return undefined;
    const files = [...s].map((p) => this.ecaFiles.get(p)!).filter(Boolean);
    const info: AppInfo = { name, files, headers: files.filter((f) => f.type && !f.type.satellite) };
    this.appCache.set(name, info);
    return info;
  }

  /** Replace a file's entry (same path, same app) with a new verdict. */
  private replaceFile(f: EcaFile): void {
    this.ecaFiles.set(f.path, f);
    if (f.appName) this.appCache.delete(f.appName);
  }
  apps(): Iterable<AppInfo> {
    const out: AppInfo[] = [];
    for (const name of this.appIndex.keys()) out.push(this.app(name)!);
    return out;
  }
  forceIgnoreFor(d: PackageDirectory): ForceIgnoreFile | undefined {
    verdictRead();
    return this.governingForceIgnore(d);
  }
  filesRelativeTo(fi: ForceIgnoreFile): readonly string[] {
    verdictRead();
    const hit = this.relCache.get(fi.path);
    if (hit && hit.fi.dir === fi.dir) return hit.rels;
    const rels: string[] = [];
    for (const f of this.ecaFiles.values()) {
      const r = fi.relative(f.path);
      if (r !== undefined) rels.push(r);
    }
    this.relCache.set(fi.path, { fi, rels });
    return rels;
  }
  /** The parsed `.forceignore` at this path, if the model holds one. */
  forceIgnoreAt(p: string): ForceIgnoreFile | undefined {
    verdictRead();
    return this.fiFiles.get(p) ?? undefined;
  }
  forceIgnores(): Iterable<ForceIgnoreFile> {
    verdictRead();
    const out: ForceIgnoreFile[] = [];
    for (const f of this.fiFiles.values()) if (f) out.push(f);
    return out;
  }
  directoryNamesLower(): ReadonlySet<string> {
    return this.dirNames;
  }
  /** Forget the `.forceignore` matchers' remembered answers (the server, after its first index). */
  forgetForceIgnoreMatches(): void {
    for (const f of this.fiFiles.values()) f?.forgetMatches();
  }
  baseline(): Baseline | undefined {
    return this.options.baseline;
  }

  gitRoot(): string | undefined {
    this.gitRootCache ??= { root: findGitRoot(this.root, (p) => this.host.exists(p)) };
    return this.gitRootCache.root;
  }

  ignoreFilesAbove(): readonly IgnoreFileAt[] {
    const root = this.gitRoot(); // fills gitRootCache
    return (this.gitRootCache!.above ??= ignoreFilesAbove(root, this.root));
  }

  devHub(): DevHubLookup {
    if (this.options.devHubOrgId) return devHubFromSetting(this.options.devHubOrgId, this.options.devHubOrgIdSource);
    this.devHubCache ??= findDevHubOrgId(this.root, this.host, this.options.devHubEnv);
    return this.devHubCache;
  }

  textOf(p: string): TextFile | undefined {
    if (p === this.projectFilePath) return this.projectDoc;
    const f = this.ecaFiles.get(p);
    if (f) return f.doc;
    const fi = this.fiFiles.get(p);
    if (fi !== undefined) {
      verdictRead();
      return fi?.file;
    }
    // Any other file of the project, read lazily; outside it, only the repository's ignore files above it.
    if (!isInside(this.root, p) && !this.config.packageDirectories.some((d) => isInside(d.absPath, p)) && !this.ignoreFilesAbove().some((f) => f.path === p)) return undefined;
    this.readObserver?.({ kind: 'text', path: p });
    return this.other.text(p);
  }

  filesOfType(typeName: string): readonly EcaFile[] {
    const out: EcaFile[] = [];
    for (const f of this.ecaFiles.values()) if (f.type?.name === typeName) out.push(f);
    return out;
  }

  listFiles(globs: string | readonly string[]): readonly string[] {
    this.readObserver?.({ kind: 'list' });
    return this.other.list(globs, this.config.packageDirectories);
  }

  /** Every path that can carry findings; the files of an app one after the other (rules share per-app work). */
  allPaths(): string[] {
    const out = this.options.noProjectFile ? [] : [this.projectFilePath];
    for (const files of this.appIndex.values()) out.push(...files);
    for (const [p, f] of this.ecaFiles) if (!f.appName) out.push(p);
    for (const [p, fi] of this.fiFiles) if (fi) out.push(p);
    return out;
  }
}
