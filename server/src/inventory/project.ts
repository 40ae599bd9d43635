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
import { FORCEIGNORE, ForceIgnoreFile, findForceIgnorePath } from '../project/forceIgnore';
import { findDevHubOrgId, type DevHubEnv, type DevHubLookup } from '../project/devHub';
import type { AppInfo, EcaFile, ProjectView } from './model';
import type { Finding, Rule, RawFinding, Severity, SeverityOrOff, EditHelpers, TextEdit } from '../rules/types';
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
  /** .forceignore path → parsed file (null: known not to exist). */
  private readonly fiFiles = new Map<string, ForceIgnoreFile | null>();
  /** package dir abs path → governing .forceignore path. */
  private readonly governing = new Map<string, string | undefined>();
  private readonly dirNames = new Set<string>();
  private readonly findingsCache = new Map<string, Finding[]>();
  private excluder: Ignore | undefined;
  private devHubCache: DevHubLookup | undefined;
  private readonly severityCache = new Map<string, SeverityOrOff>();

  constructor(
    readonly root: string,
    readonly host: FsHost,
    private options: EngineOptions = {},
  ) {
    this.types = new TypeRegistry(options.extraTypes);
    this.projectFilePath = path.join(root, PROJECT_FILE);
  }

  // ---------------------------------------------------------------- indexing

  /** Cold index: project file, package directories, every ECA-family file, every .forceignore. */
  load(): void {
    this.ecaFiles.clear();
    this.appIndex.clear();
    this.fiFiles.clear();
    this.governing.clear();
    this.dirNames.clear();
    this.findingsCache.clear();
    this.devHubCache = undefined;
    this.severityCache.clear();
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
        }
      }
    }
  }

  private loadForceIgnore(p: string): ForceIgnoreFile | undefined {
    const bytes = this.host.readFile(p);
    const dec = bytes ? decodeBytes(bytes) : undefined;
    const fi = dec?.ok ? new ForceIgnoreFile(p, dec.file) : null;
    this.fiFiles.set(p, fi);
    return fi ?? undefined;
  }

  private governingForceIgnore(d: PackageDirectory): ForceIgnoreFile | undefined {
    let p: string | undefined;
    if (this.governing.has(d.absPath)) p = this.governing.get(d.absPath);
    else {
      p = findForceIgnorePath(d.absPath, (c) => this.fiFiles.has(c) ? this.fiFiles.get(c) !== null || this.host.isFile(c) : this.host.isFile(c));
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
    const { included, exclusion } = this.verdict(abs, type, packageDir);
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
    this.removeFromIndex(abs);
    this.ecaFiles.set(abs, f);
    if (appName) {
      let s = this.appIndex.get(appName);
      if (!s) this.appIndex.set(appName, (s = new Set()));
      s.add(abs);
    }
    return f;
  }

  private verdict(abs: string, type: EcaTypeInfo | undefined, packageDir: PackageDirectory | undefined): Pick<EcaFile, 'included' | 'exclusion'> {
    if (!packageDir) return { included: false, exclusion: undefined };
    const fi = this.governingForceIgnore(packageDir);
    if (fi && fi.denies(abs, true)) {
      return { included: false, exclusion: { forceIgnore: fi, info: fi.explain(abs, true) ?? {} } };
    }
    // SDR drops or rejects a file whose name it does not recognise: it never ships.
    return { included: !!type, exclusion: undefined };
  }

  private removeFromIndex(abs: string): EcaFile | undefined {
    const old = this.ecaFiles.get(abs);
    if (!old) return undefined;
    this.ecaFiles.delete(abs);
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
    else this.removeFromIndex(abs);
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
    for (const p of [...this.ecaFiles.keys()]) {
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
      else if (e.isFile && (e.name === FORCEIGNORE || this.types.classifyFileName(e.name))) out.push(abs);
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
    for (const f of this.ecaFiles.values()) {
      if (!f.packageDir || !dirs.includes(f.packageDir)) continue;
      const v = this.verdict(f.path, f.type, f.packageDir);
      if (v.included !== f.included || v.exclusion?.forceIgnore.path !== f.exclusion?.forceIgnore.path || v.exclusion?.info.line?.line !== f.exclusion?.info.line?.line) {
        inventoryChanged ||= v.included !== f.included;
        this.ecaFiles.set(f.path, { ...f, ...v });
        affected.add(f.path);
        // Rules that look at the app (e.g. a header excluded) re-check the app's files too.
        if (f.appName) for (const p of this.appIndex.get(f.appName) ?? []) affected.add(p);
      } else if (v.exclusion) {
        // Same verdict, same line number, but the ForceIgnoreFile object is new: refresh the reference.
        this.ecaFiles.set(f.path, { ...f, ...v });
        affected.add(f.path);
      }
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
    const s = this.appIndex.get(name);
    if (!s || s.size === 0) return undefined;
    const files = [...s].map((p) => this.ecaFiles.get(p)!).filter(Boolean);
    return { name, files, headers: files.filter((f) => f.type && !f.type.satellite) };
  }
  apps(): Iterable<AppInfo> {
    const out: AppInfo[] = [];
    for (const name of this.appIndex.keys()) out.push(this.app(name)!);
    return out;
  }
  forceIgnoreFor(d: PackageDirectory): ForceIgnoreFile | undefined {
    return this.governingForceIgnore(d);
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
      return /^00D[A-Za-z0-9]{12}([A-Za-z0-9]{3})?$/.test(id) ? { orgId: id.slice(0, 15), source: 'the ecaLens.devHubOrgId setting' } : { source: `the ecaLens.devHubOrgId setting "${id}" is not an org id` };
    }
    this.devHubCache ??= findDevHubOrgId(this.root, this.host, this.options.devHubEnv);
    return this.devHubCache;
  }

  textOf(p: string): TextFile | undefined {
    if (p === this.projectFilePath) return this.projectDoc;
    const f = this.ecaFiles.get(p);
    if (f) return f.doc;
    return this.fiFiles.get(p)?.file;
  }

  /** Every path that can carry findings. */
  allPaths(): string[] {
    return [this.projectFilePath, ...this.ecaFiles.keys(), ...[...this.fiFiles.entries()].filter(([, v]) => v).map(([k]) => k)];
  }

  // ---------------------------------------------------------------- checking

  severityOf(id: string, fallback: Severity): SeverityOrOff {
    const cached = this.severityCache.get(id + '\0' + fallback);
    if (cached) return cached;
    let sev: SeverityOrOff = fallback;
    const rules = this.options.rules ?? {};
    if (id in rules) sev = rules[id]!;
    else {
      for (const [pat, v] of Object.entries(rules)) {
        if (pat.includes('*') && new RegExp('^' + pat.split('*').map(escapeRe).join('.*') + '$').test(id)) sev = v;
      }
    }
    this.severityCache.set(id + '\0' + fallback, sev);
    return sev;
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
    for (const rule of rules) {
      if (this.severityOf(rule.id, rule.defaultSeverity) === 'off') continue;
      let raw: RawFinding[] = [];
      try {
        if (rule.scope === 'eca-file' && f) raw = rule.check({ ...helpers, file: f, app: f.appName ? this.app(f.appName) : undefined, project: this });
        else if (rule.scope === 'forceignore' && fi) raw = rule.check({ ...helpers, forceIgnore: fi, project: this });
        else if (rule.scope === 'project' && p === this.projectFilePath) raw = rule.check({ ...helpers, project: this });
      } catch (e) {
        raw = [{ message: `ECA Lens rule ${rule.id} failed on this file: ${e instanceof Error ? e.message : String(e)}`, start: 0, end: 0, severity: 'hint' }];
      }
      for (const r of raw) {
        const sev = this.severityOf(rule.id, r.severity ?? rule.defaultSeverity);
        if (sev === 'off') continue;
        out.push({
          ruleId: rule.id,
          severity: sev,
          message: r.message,
          path: p,
          range: helpers.range(p, r.start, r.end),
          related: r.related,
          tags: r.tags,
          fixes: r.fixes ?? [],
        });
      }
    }
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

  helpers(): EditHelpers {
    const range = (p: string, start: number, end: number) => {
      const t = this.textOf(p);
      if (!t) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      return t.range(start, end);
    };
    return {
      range,
      textOf: (p) => this.textOf(p),
      edit: (p, start, end, newText): TextEdit => ({ path: p, start, end, newText, range: range(p, start, end) }),
    };
  }
}

function isInside(dir: string, p: string): boolean {
  const rel = path.relative(dir, p);
  return !!rel && !rel.startsWith('..') && !path.isAbsolute(rel);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
