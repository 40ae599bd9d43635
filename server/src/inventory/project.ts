/**
 * The engine: one sfdx project, indexed once, updated per changed file. The CLI and the language
 * server share this code path: a cold check is an index followed by checking every file.
 *
 * Dependency graph (what a change re-checks):
 * - an ECA file → the files of its app (old and new app name) and every `.forceignore` (rules
 *   that look at which folders exist);
 * - a `.forceignore` → the package directories it governs (inclusion recomputed) and itself;
 * - `sfdx-project.json` → everything.
 */
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { TypeRegistry, type EcaTypeInfo } from '../metadata/types';
import { parseXml, child } from '../metadata/parse';
import { decodeBytes, type TextFile } from '../util/text';
import type { FsHost } from '../project/fsHost';
import { toPosixRelative } from '../project/fsHost';
import { parseSfdxProject, packageDirectoryOf, PROJECT_FILE, type PackageDirectory, type SfdxProjectConfig } from '../project/sfdxProject';
import { FORCEIGNORE, ForceIgnoreFile, decodeForceIgnore, findForceIgnorePath, type Exclusion } from '../project/forceIgnore';
import { findDevHubOrgId, type DevHubEnv, type DevHubLookup } from '../project/devHub';
import { findGitRoot } from '../project/gitIgnore';
import type { AppInfo, EcaFile, ProjectView } from './model';
import type { Finding, Rule, RawFinding, Severity, SeverityOrOff, EditHelpers, RuleHelpers } from '../rules/kit/types';
import type { TextEdit } from '../edits/types';
import type { OffsetEdit } from '../edits/textEdits';
import { ruleHelpers, ruleReads } from '../rules/kit/defineRule';
import { ORG_ID } from '../shared/orgId';
import { ALL_RULES } from '../rules/index';

export interface EngineOptions {
  /** Rule id (wildcards `*` allowed) → severity or off. */
  rules?: Record<string, SeverityOrOff>;
  /** Globs (gitignore syntax, relative to the project root) of paths to leave out. */
  exclude?: readonly string[];
  /** Overrides the offline Dev Hub lookup. */
  devHubOrgId?: string;
  devHubEnv?: DevHubEnv;
  extraTypes?: readonly EcaTypeInfo[];
  /** Rules to run (default: all). For tests. */
  ruleSet?: readonly Rule[];
}

/** Folders never walked: not source, or tool state. */
const SKIP_DIRS = new Set(['node_modules', '.git', '.sf', '.sfdx', '.hg', '.svn']);

export interface ChangeResult {
  /** Files whose findings may have changed (re-check and republish these). */
  affected: Set<string>;
  /** The inventory (files, apps, inclusion) changed. */
  inventoryChanged: boolean;
}

export class EcaProject implements ProjectView {
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
  private readonly findingsCache = new Map<string, Finding[]>();
  private excluder: Ignore | undefined;
  private devHubCache: DevHubLookup | undefined;
  private readonly severityCache = new Map<string, SeverityOrOff | 'default'>();
  /** Every other file of the project tree (not ECA-family, not .forceignore): for listFiles(). */
  private readonly otherFiles = new Set<string>();
  /** Text of other files read through textOf() (null: absent or not text). */
  private readonly otherText = new Map<string, TextFile | null>();
  /** A path read through textOf() (other files) → the checked paths whose rules read it. */
  private readonly textReaders = new Map<string, Set<string>>();
  /** listFiles() globs (joined) → matcher, cached result, readers. */
  private readonly globReaders = new Map<string, { matcher: Ignore; result: string[] | undefined; readers: Set<string> }>();
  /** The path being checked (the reader recorded by textOf/listFiles). */
  private reader: string | undefined;
  /** Findings of project-scope rules, by path (a project rule may report in any file). */
  private projectFindingsCache: Map<string, Finding[]> | undefined;
  private gitRootCache: { root: string | undefined } | undefined;

  readonly root: string;

  constructor(
    root: string,
    readonly host: FsHost,
    private options: EngineOptions = {},
  ) {
    this.root = path.resolve(root);
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
    this.findingsCache.clear();
    this.devHubCache = undefined;
    this.severityCache.clear();
    this.otherFiles.clear();
    this.otherText.clear();
    this.textReaders.clear();
    this.globReaders.clear();
    this.projectFindingsCache = undefined;
    this.gitRootCache = undefined;
    this.excluder = this.options.exclude?.length ? ignore().add([...this.options.exclude]) : undefined;
    this.readProjectFile();
    for (const d of this.config.packageDirectories) this.governingForceIgnore(d);
    const roots = [this.root, ...this.config.packageDirectories.map((d) => d.absPath).filter((p) => !isInside(this.root, p))];
    const seen = new Set<string>();
    for (const r of roots) this.walk(r, seen, true);
  }

  setOptions(options: EngineOptions): void {
    this.options = options;
    this.severityCache.clear();
    this.devHubCache = undefined;
    this.findingsCache.clear();
    this.projectFindingsCache = undefined;
  }

  private readProjectFile(): void {
    const bytes = this.host.readFile(this.projectFilePath);
    const dec = bytes ? decodeBytes(bytes) : undefined;
    this.projectDoc = dec?.ok ? dec.file : undefined;
    this.config = parseSfdxProject(this.root, this.projectDoc, bytes ? (dec && !dec.ok ? dec.problem : undefined) : 'the file is missing or unreadable');
  }

  private isExcluded(abs: string): boolean {
    if (!this.excluder) return false;
    const rel = toPosixRelative(this.root, abs);
    if (!rel || rel.startsWith('..')) return false;
    try {
      return this.excluder.ignores(rel);
    } catch {
      return false;
    }
  }

  private walk(dir: string, seen: Set<string>, isRoot: boolean): void {
    const real = this.host.realpath(dir) ?? dir;
    if (seen.has(real)) return; // symlink loop or a folder reached twice
    seen.add(real);
    const entries = this.host.readDir(dir);
    if (!entries) return;
    if (!isRoot && entries.some((e) => e.isFile && e.name === PROJECT_FILE)) return; // a nested project of its own
    for (const e of entries) {
      const abs = path.join(dir, e.name);
      if (e.isDirectory) {
        if (SKIP_DIRS.has(e.name) || this.isExcluded(abs)) continue;
        this.dirNames.add(e.name.toLowerCase());
        this.walk(abs, seen, false);
      } else if (e.isFile) {
        if (e.name === FORCEIGNORE) {
          if (!this.fiFiles.get(abs)) this.loadForceIgnore(abs);
        } else if (!this.isExcluded(abs)) {
          const info = this.types.classifyFileName(e.name);
          if (info) this.addFile(abs);
          else this.otherFiles.add(abs);
        }
      }
    }
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

  /** Read, parse and classify one ECA-family file; replaces any earlier entry. */
  private addFile(abs: string): EcaFile | undefined {
    const info = this.types.classifyFileName(path.basename(abs));
    if (!info) return undefined;
    const bytes = this.host.readFile(abs);
    let doc: TextFile | undefined;
    let readProblem: string | undefined;
    if (!bytes) readProblem = 'the file could not be read';
    else {
      const dec = decodeBytes(bytes);
      if (dec.ok) doc = dec.file;
      else readProblem = dec.problem;
    }
    const xml = doc ? parseXml(doc) : undefined;
    const type = info.kind === 'recognized' ? info.type : undefined;
    let appName: string | undefined;
    if (type && !type.satellite) appName = type.name === 'ConnectedApp' ? undefined : info.fullName;
    else if (type && xml?.root) {
      const t = child(xml.root, 'externalClientApplication')?.text.trim();
      appName = t ? t : undefined;
    }
    const packageDir = packageDirectoryOf(this.config, abs);
    const { included, exclusion } = this.verdict(abs, type, packageDir, info.kind === 'recognized' && info.metadataFormat);
    const f: EcaFile = {
      path: abs,
      rel: toPosixRelative(this.root, abs),
      nameInfo: info,
      type,
      fullName: info.fullName,
      packageDir,
      doc,
      readProblem,
      xml,
      appName,
      included,
      exclusion,
    };
    if (!this.removeFromIndex(abs)) this.relCache.clear();
    this.ecaFiles.set(abs, f);
    if (appName) this.appCache.delete(appName);
    if (appName) {
      let s = this.appIndex.get(appName);
      if (!s) this.appIndex.set(appName, (s = new Set()));
      s.add(abs);
    }
    return f;
  }

  private verdict(abs: string, type: EcaTypeInfo | undefined, packageDir: PackageDirectory | undefined, metadataFormat: boolean): Pick<EcaFile, 'included' | 'exclusion'> {
    if (!packageDir) return { included: false, exclusion: undefined };
    const fi = this.governingForceIgnore(packageDir);
    if (fi && fi.denies(abs, true)) {
      // Which line excludes the file is worked out only when asked (hover, tree, a rule message):
      // a cold index of a big project excludes thousands of files and never asks for most.
      let info: Exclusion | undefined;
      return {
        included: false,
        exclusion: {
          forceIgnore: fi,
          get info(): Exclusion {
            return (info ??= fi.explain(abs, true) ?? {});
          },
        },
      };
    }
    // SDR drops or rejects a file whose name it does not recognise: it never ships.
    if (!type) return { included: false, exclusion: undefined };
    // A metadata-format file (`X.eca`, no -meta.xml) is resolved only when a folder of its path is
    // named exactly (case-sensitively) like the type's registry folder (SDR's
    // parseAsContentMetadataXml); anywhere else SDR silently skips it.
    if (metadataFormat && !abs.split(path.sep).includes(type.directory)) return { included: false, exclusion: undefined };
    return { included: true, exclusion: undefined };
  }

  private removeFromIndex(abs: string): EcaFile | undefined {
    const old = this.ecaFiles.get(abs);
    if (!old) return undefined;
    this.ecaFiles.delete(abs);
    if (old.appName) this.appCache.delete(old.appName);
    this.findingsCache.delete(abs);
    if (old.appName) {
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
  update(abs: string): ChangeResult {
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
    if (!this.types.classifyFileName(base) && (this.otherFiles.has(abs) || this.otherText.has(abs) || this.host.isFile(abs))) return this.updateOther(abs);
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
      this.addDirNamesFor(abs);
      for (const fi of this.forceIgnores()) affected.add(fi.path);
    }
    for (const p of affected) this.findingsCache.delete(p);
    const inventoryChanged = setChanged || old?.appName !== nf?.appName || old?.included !== nf?.included || old?.type !== nf?.type;
    return { affected, inventoryChanged };
  }

  private isInProjectTree(abs: string): boolean {
    if (isInside(this.root, abs)) {
      // not inside a skipped folder or a nested project
      const rel = path.relative(this.root, abs).split(path.sep);
      if (rel.some((s) => SKIP_DIRS.has(s))) return false;
      let d = path.dirname(abs);
      while (d !== this.root && isInside(this.root, d)) {
        if (this.host.isFile(path.join(d, PROJECT_FILE))) return false;
        d = path.dirname(d);
      }
      return true;
    }
    return this.config.packageDirectories.some((d) => isInside(d.absPath, abs));
  }

  private addDirNamesFor(abs: string): void {
    let d = path.dirname(abs);
    while (isInside(this.root, d) && d !== this.root) {
      this.dirNames.add(path.basename(d).toLowerCase());
      d = path.dirname(d);
    }
  }

  private updateFolder(abs: string): ChangeResult {
    const affected = new Set<string>();
    const prefix = abs.endsWith(path.sep) ? abs : abs + path.sep;
    let changed = false;
    for (const p of [...this.ecaFiles.keys(), ...this.otherFiles]) {
      if (p.startsWith(prefix) && !this.host.isFile(p)) {
        const r = this.update(p);
        r.affected.forEach((x) => affected.add(x));
        changed = true;
      }
    }
    if (this.host.isDirectory(abs) && this.isInProjectTree(path.join(abs, 'x'))) {
      const found: string[] = [];
      this.collect(abs, new Set(), found);
      for (const p of found) {
        const r = this.update(p);
        r.affected.forEach((x) => affected.add(x));
        changed = true;
      }
    }
    return { affected, inventoryChanged: changed };
  }

  private collect(dir: string, seen: Set<string>, out: string[]): void {
    const real = this.host.realpath(dir) ?? dir;
    if (seen.has(real)) return;
    seen.add(real);
    for (const e of this.host.readDir(dir) ?? []) {
      const abs = path.join(dir, e.name);
      if (e.isDirectory && !SKIP_DIRS.has(e.name)) this.collect(abs, seen, out);
      else if (e.isFile) out.push(abs);
    }
  }

  /**
   * Another file of the project (permission set, profile, settings, `.gitignore`...) changed,
   * appeared or vanished: re-check the paths whose rules read its text, or listed files matching it.
   */
  private updateOther(abs: string): ChangeResult {
    const affected = new Set<string>();
    const exists = this.host.isFile(abs);
    const inTree = exists && isInside(this.root, abs) && !this.isExcluded(abs) && this.isInProjectTree(abs);
    const readers = new Set<string>(this.textReaders.get(abs) ?? []);
    this.otherText.delete(abs);
    if (inTree !== this.otherFiles.has(abs)) {
      if (inTree) this.otherFiles.add(abs);
      else this.otherFiles.delete(abs);
      const rel = toPosixRelative(this.root, abs);
      for (const g of this.globReaders.values()) {
        if (rel && !rel.startsWith('..') && safeIgnores(g.matcher, rel)) {
          g.result = undefined;
          for (const r of g.readers) readers.add(r);
        }
      }
    }
    // A project rule may report in this file: its findings are computed with the project file's.
    if (this.projectFindingsCache?.has(abs)) readers.add(this.projectFilePath);
    for (const r of readers) this.invalidate(r, affected);
    if (exists || this.projectFindingsCache === undefined) affected.add(abs);
    for (const p of affected) this.findingsCache.delete(p);
    return { affected, inventoryChanged: false };
  }

  /** Drop a path's findings; the project file's take the project rules' findings (in any file) along. */
  private invalidate(p: string, affected: Set<string>): void {
    affected.add(p);
    this.findingsCache.delete(p);
    if (p === this.projectFilePath && this.projectFindingsCache) {
      for (const q of this.projectFindingsCache.keys()) {
        affected.add(q);
        this.findingsCache.delete(q);
      }
      this.projectFindingsCache = undefined;
    }
  }

  private updateForceIgnore(abs: string): ChangeResult {
    const affected = new Set<string>([abs]);
    const existed = this.fiFiles.get(abs);
    if (this.host.isFile(abs)) this.loadForceIgnore(abs);
    else if (existed !== undefined) this.fiFiles.set(abs, null);
    // Which package directories' governing file may change: those at or below its folder.
    const dir = path.dirname(abs);
    let inventoryChanged = false;
    const dirs = this.config.packageDirectories.filter((d) => d.absPath === dir || isInside(dir, d.absPath));
    for (const d of dirs) this.governing.delete(d.absPath);
    for (const d of dirs) this.governingForceIgnore(d);
    const now = this.fiFiles.get(abs);
    // An edit (the file existed and still does): only lines between the unchanged head and tail of
    // the file changed, and only a file that one of those lines matches can change its verdict.
    const diff = existed && now ? lineDiff(existed, now) : undefined;
    for (const f of this.ecaFiles.values()) {
      if (!f.packageDir || !dirs.includes(f.packageDir)) continue;
      if (diff && f.exclusion?.forceIgnore !== existed && this.governingForceIgnore(f.packageDir) !== now) continue; // governed by another file
      let v: Pick<EcaFile, 'included' | 'exclusion'> | undefined;
      if (diff && !diff.touches(f.path)) {
        // Verdict unchanged; an excluding line keeps its text but may have moved.
        if (!f.exclusion) continue;
        v = diff.remap(f.exclusion.info);
        if (!v) v = this.verdict(f.path, f.type, f.packageDir, f.nameInfo.kind === 'recognized' && f.nameInfo.metadataFormat);
      } else v = this.verdict(f.path, f.type, f.packageDir, f.nameInfo.kind === 'recognized' && f.nameInfo.metadataFormat);
      if (v.included !== f.included || v.exclusion?.forceIgnore.path !== f.exclusion?.forceIgnore.path || !sameExclusion(v.exclusion?.info, f.exclusion?.info)) {
        inventoryChanged ||= v.included !== f.included;
        this.replaceFile({ ...f, ...v });
        affected.add(f.path);
        // Rules that look at the app (e.g. a header excluded) re-check the app's files too. A
        // policy or global-settings file going in or out of the build changes only its own findings.
        if (f.appName && f.type && f.type.packageable !== 'no') for (const p of this.appIndex.get(f.appName) ?? []) affected.add(p);
      } else if (v.exclusion) {
        // Same verdict, same excluding line (number, offsets, text): only the ForceIgnoreFile object
        // is new. Refresh the reference; findings that point into the file are re-checked below.
        this.replaceFile({ ...f, ...v });
      }
    }
    // Findings whose fixes or related locations point into this .forceignore were computed from its
    // old text (e.g. "add a line" appends at its old end): re-check them.
    for (const [p, list] of this.findingsCache) {
      if (!affected.has(p) && list.some((x) => refersTo(x, abs))) affected.add(p);
    }
    for (const p of affected) this.findingsCache.delete(p);
    return { affected, inventoryChanged };
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
    return this.governingForceIgnore(d);
  }
  filesRelativeTo(fi: ForceIgnoreFile): readonly string[] {
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
  forceIgnores(): Iterable<ForceIgnoreFile> {
    const out: ForceIgnoreFile[] = [];
    for (const f of this.fiFiles.values()) if (f) out.push(f);
    return out;
  }
  directoryNamesLower(): ReadonlySet<string> {
    return this.dirNames;
  }
  devHub(): DevHubLookup {
    if (this.options.devHubOrgId) {
      const id = this.options.devHubOrgId.trim();
      return ORG_ID.test(id) ? { orgId: id.slice(0, 15), source: 'the ecaLens.devHubOrgId setting' } : { source: `the ecaLens.devHubOrgId setting "${id}" is not an org id` };
    }
    this.devHubCache ??= findDevHubOrgId(this.root, this.host, this.options.devHubEnv);
    return this.devHubCache;
  }

  textOf(p: string): TextFile | undefined {
    if (p === this.projectFilePath) return this.projectDoc;
    const f = this.ecaFiles.get(p);
    if (f) return f.doc;
    const fi = this.fiFiles.get(p);
    if (fi !== undefined) return fi?.file;
    // Any other file (read lazily, tracked: a change to it re-checks the reader).
    if (this.reader) {
      let s = this.textReaders.get(p);
      if (!s) this.textReaders.set(p, (s = new Set()));
      s.add(this.reader);
    }
    let t = this.otherText.get(p);
    if (t === undefined) {
      const bytes = this.host.isFile(p) ? this.host.readFile(p) : undefined;
      const dec = bytes ? decodeBytes(bytes) : undefined;
      t = dec?.ok ? dec.file : null;
      this.otherText.set(p, t);
    }
    return t ?? undefined;
  }

  listFiles(globs: string | readonly string[]): readonly string[] {
    const list = typeof globs === 'string' ? [globs] : [...globs];
    const key = list.join('\n');
    let g = this.globReaders.get(key);
    if (!g) this.globReaders.set(key, (g = { matcher: ignore().add(list), result: undefined, readers: new Set() }));
    if (this.reader) g.readers.add(this.reader);
    if (!g.result) {
      const out: string[] = [];
      for (const p of this.otherFiles) {
        const rel = toPosixRelative(this.root, p);
        if (rel && !rel.startsWith('..') && safeIgnores(g.matcher, rel)) out.push(p);
      }
      g.result = out.sort();
    }
    return g.result;
  }

  gitRoot(): string | undefined {
    this.gitRootCache ??= { root: findGitRoot(this.root, (p) => this.host.exists(p)) };
    return this.gitRootCache.root;
  }

  /** Every path that can carry findings. */
  allPaths(): string[] {
    const out = [this.projectFilePath, ...this.ecaFiles.keys(), ...[...this.fiFiles.entries()].filter(([, v]) => v).map(([k]) => k)];
    // Other files where project rules report (computed once, cached until a file they read changes).
    for (const p of this.projectFindings().keys()) if (!out.includes(p)) out.push(p);
    return out;
  }

  /** Findings of the project-scope rules, by path (most land in sfdx-project.json). */
  private projectFindings(): Map<string, Finding[]> {
    if (this.projectFindingsCache) return this.projectFindingsCache;
    const m = new Map<string, Finding[]>();
    const helpers = this.helpers();
    const saved = this.reader;
    this.reader = this.projectFilePath;
    try {
      for (const rule of this.options.ruleSet ?? ALL_RULES) {
        if (rule.scope !== 'project' || this.severityOf(rule.id, rule.defaultSeverity) === 'off') continue;
        let raw: RawFinding[];
        try {
          raw = rule.check({ ...helpers, project: this });
        } catch (e) {
          raw = [{ message: `ECA Lens rule ${rule.id} failed on this file: ${e instanceof Error ? e.message : String(e)}`, start: 0, end: 0, severity: 'hint' }];
        }
        for (const r of raw) {
          const p = r.path ?? this.projectFilePath;
          const f = this.toFinding(rule, r, p);
          if (!f) continue;
          let list = m.get(p);
          if (!list) m.set(p, (list = []));
          list.push(f);
        }
      }
    } finally {
      this.reader = saved;
    }
    this.projectFindingsCache = m;
    return m;
  }

  private toFinding(rule: Rule, r: RawFinding, p: string): Finding | undefined {
    const sev = this.severityOf(rule.id, r.severity ?? rule.defaultSeverity);
    if (sev === 'off') return undefined;
    return { ruleId: rule.id, severity: sev, message: r.message, path: p, range: this.helpers().range(p, r.start, r.end), related: r.related, tags: r.tags, fixes: r.fixes ?? [] };
  }

  // ---------------------------------------------------------------- checking

  /** The severity settings give a rule (exact id first, else the last matching wildcard), or the fallback. */
  severityOf(id: string, fallback: Severity): SeverityOrOff {
    let configured = this.severityCache.get(id);
    if (configured === undefined) {
      configured = 'default';
      const rules = this.options.rules ?? {};
      if (Object.prototype.hasOwnProperty.call(rules, id)) configured = rules[id]!;
      else {
        for (const [pat, v] of Object.entries(rules)) {
          if (pat.includes('*') && new RegExp('^' + pat.split('*').map(escapeRe).join('.*') + '$').test(id)) configured = v;
        }
      }
      this.severityCache.set(id, configured);
    }
    return configured === 'default' ? fallback : configured;
  }

  /** Findings for one file (cached until a change touches it). */
  check(p: string): Finding[] {
    const cached = this.findingsCache.get(p);
    if (cached) return cached;
    const out: Finding[] = [];
    const rules = this.options.ruleSet ?? ALL_RULES;
    const helpers = this.helpers();
    const f = this.ecaFiles.get(p);
    const fi = this.fiFiles.get(p);
    // One context per file, shared by every rule (the app is looked up once).
    const fileCtx = f ? { ...helpers, file: f, app: f.appName ? this.app(f.appName) : undefined, project: this, root: f.xml?.root, doc: f.doc } : undefined;
    const fiCtx = fi ? { ...helpers, forceIgnore: fi, project: this } : undefined;
    const saved = this.reader;
    this.reader = p;
    try {
      for (const rule of rules) {
        let raw: RawFinding[] = [];
        if (rule.scope === 'eca-file' ? !fileCtx || !ruleReads(rule, f!.type, !!f!.xml?.root) : rule.scope !== 'forceignore' || !fiCtx) continue;
        if (this.severityOf(rule.id, rule.defaultSeverity) === 'off') continue;
        try {
          if (rule.scope === 'eca-file') raw = rule.check(fileCtx!);
          else raw = rule.check(fiCtx!);
        } catch (e) {
          raw = [{ message: `ECA Lens rule ${rule.id} failed on this file: ${e instanceof Error ? e.message : String(e)}`, start: 0, end: 0, severity: 'hint' }];
        }
        for (const r of raw) {
          const x = this.toFinding(rule, r, p);
          if (x) out.push(x);
        }
      }
    } finally {
      this.reader = saved;
    }
    out.push(...(this.projectFindings().get(p) ?? []));
    out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    this.findingsCache.set(p, out);
    return out;
  }

  /** Findings for every file, in path order. */
  checkAll(): Map<string, Finding[]> {
    const m = new Map<string, Finding[]>();
    for (const p of this.allPaths().sort()) {
      const fs = this.check(p);
      if (fs.length) m.set(p, fs);
    }
    return m;
  }

  private helpersCache: RuleHelpers | undefined;
  helpers(): RuleHelpers {
    return (this.helpersCache ??= this.makeHelpers());
  }

  private makeHelpers(): RuleHelpers {
    const range = (p: string, start: number, end: number) => {
      const t = this.textOf(p);
      if (!t) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      return t.range(start, end);
    };
    function edit(p: string, start: number, end: number, newText: string): TextEdit;
    function edit(p: string, e: OffsetEdit): TextEdit;
    function edit(p: string, a: number | OffsetEdit, b?: number, c?: string): TextEdit {
      const [start, end, newText] = typeof a === 'number' ? [a, b!, c!] : [a.start, a.end, a.newText];
      return { path: p, start, end, newText, range: range(p, start, end) };
    }
    const base: EditHelpers = { range, textOf: (p: string) => this.textOf(p), edit };
    return ruleHelpers(base);
  }
}

/**
 * What changed between two versions of a `.forceignore`: the lines between the common head and tail.
 * `touches(path)`: one of them (old or new, negation dropped) matches the path or a parent folder,
 * so the path's verdict may differ. `remap`: the exclusion of an untouched path in the new file
 * (the same line, moved by the lines added or removed above it).
 */
function lineDiff(before: ForceIgnoreFile, after: ForceIgnoreFile) {
  const a = before.lines;
  const b = after.lines;
  const sameBom = before.file.bom === after.file.bom;
  let head = 0;
  while (sameBom && head < a.length && head < b.length && a[head]!.text === b[head]!.text) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail]!.text === b[b.length - 1 - tail]!.text) tail++;
  const removed = a.slice(head, a.length - tail).filter((l) => l.isPattern);
  const added = b.slice(head, b.length - tail).filter((l) => l.isPattern);
  // Many lines changed (a paste, a checkout): testing each one costs more than a full evaluation.
  if (removed.length + added.length > 8) return undefined;
  const shift = b.length - a.length;
  // A pattern matches a path only if its longest run of literal characters occurs in the path:
  // a substring test skips the matcher for almost every file.
  const lits = [...removed.map((l) => ({ l, fi: before })), ...added.map((l) => ({ l, fi: after }))].map((x) => ({ ...x, lit: literalOf(x.l.pattern) }));
  return {
    touches(p: string): boolean {
      let lower: string | undefined;
      let rel: string | undefined | null = null;
      for (const { l, fi, lit } of lits) {
        if (lit && !(lower ??= p.toLowerCase()).includes(lit)) continue;
        if (rel === null) rel = after.relative(p);
        if (rel === undefined) return false;
        if (fi.lineMatches(l, rel)) return true;
      }
      return false;
    },
    remap(info: Exclusion): Pick<EcaFile, 'included' | 'exclusion'> | undefined {
      if (!info.line) return { included: false, exclusion: { forceIgnore: after, info } };
      const i = info.line.line;
      const j = i < head ? i : i >= a.length - tail ? i + shift : -1;
      const line = b[j];
      if (!line || line.text !== info.line.text) return undefined;
      return { included: false, exclusion: { forceIgnore: after, info: { line } } };
    },
  };
}

/** The longest run of plain ASCII characters of a gitignore pattern, lower-cased ('' when under 3). */
function literalOf(pattern: string): string {
  let best = '';
  for (const run of pattern.split(/[*?[\]\\/!]+/)) if (run.length > best.length) best = run;
  return best.length >= 3 && /^[\x20-\x7e]+$/.test(best) ? best.toLowerCase() : '';
}

/** The same excluding line (number, offsets, text) or the same default pattern. */
function sameExclusion(a: Exclusion | undefined, b: Exclusion | undefined): boolean {
  if (!a || !b) return a === b;
  const x = a.line;
  const y = b.line;
  if (!x || !y) return x === y && a.defaultPattern === b.defaultPattern;
  return x.line === y.line && x.start === y.start && x.end === y.end && x.text === y.text;
}

/** Does a finding edit, create, or point at `p`? */
function refersTo(f: Finding, p: string): boolean {
  if (f.related?.some((r) => r.path === p)) return true;
  return f.fixes.some((fx) => fx.edits.some((e) => e.path === p) || !!fx.fileOps?.some((o) => o.path === p || (o.kind === 'rename' && o.newPath === p)));
}

function safeIgnores(ig: Ignore, rel: string): boolean {
  try {
    return ig.ignores(rel);
  } catch {
    return false;
  }
}

function isInside(dir: string, p: string): boolean {
  const rel = path.relative(dir, p);
  return !!rel && !rel.startsWith('..') && !path.isAbsolute(rel);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
