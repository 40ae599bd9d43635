/**
 * Differential test against SDR itself (`@salesforce/source-deploy-retrieve`, the library behind
 * `sf package version create`): the law for "would this file ship?".
 *
 * A seeded generator writes random sfdx projects (1-3 package directories, packaged or not, nested
 * paths like force-app/main/default; ECA-family files of every type SDR knows, in their
 * conventional folders and elsewhere, in dot-folders, in metadata format, outside any package
 * directory; random .forceignore files from realistic patterns: folder, anchored, suffix, negation,
 * case, backslash, comments, blank lines, trailing spaces, CRLF, BOM, Latin-1 bytes, UTF-16; at the
 * root, above it, inside a package directory, below one where it governs nothing, or none at all).
 * For every ECA-family file, ECA Lens's `included` must equal SDR's verdict:
 * `ComponentSet.fromSource({ fsPaths: [packageDir] })` resolves a component whose xml or content is
 * that file (forceignored paths are never resolved).
 *
 * Names SDR rejects (a wrong-case or unknown suffix: "Could not infer a metadata type", for the
 * whole folder) are never generated, nor types this SDR does not know yet; `X.suffix.xml` (silently
 * dropped) and metadata-format `X.suffix` (resolved only inside the type's folder) are.
 *
 * Seed: ECA_LENS_SEED (decimal or 0x hex) overrides the default; ECA_LENS_DIFF_PROJECTS the count
 * (at least 150). On a mismatch the temp folder is kept and the report shows, per project, its
 * .forceignore files (bytes escaped), then each path with both verdicts.
 *
 * The second test checks the same verdict on the real projects of ../shared/corpus, the three 2GP
 * ones first.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type * as SdrModule from '@salesforce/source-deploy-retrieve';
import { findProjectRoots, inventoryJson, openProject, type InventoryFileJson } from '../../server/src/engine';
import { nodeFsHost } from '../../server/src/project/fsHost';
import { ECA_TYPES, type EcaTypeInfo } from '../../server/src/metadata/types';

const DEFAULT_SEED = 0x5eedeca1;
const SEED = parseSeed(process.env.ECA_LENS_SEED) ?? DEFAULT_SEED;
const PROJECTS = Math.max(150, Number(process.env.ECA_LENS_DIFF_PROJECTS) || 200);

function parseSeed(s: string | undefined): number | undefined {
  if (!s || !s.trim()) return undefined;
  const n = /^0x/i.test(s.trim()) ? parseInt(s.trim().slice(2), 16) : Number(s.trim());
  if (!Number.isFinite(n)) throw new Error(`ECA_LENS_SEED "${s}" is not a number`);
  return n >>> 0;
}

// ------------------------------------------------------------------ SDR

let sdrCache: typeof SdrModule | undefined;
function sdr(): typeof SdrModule {
  if (sdrCache) return sdrCache;
  // No log file in ~/.sf from SDR's logger, and SDR's warnings (backslash lines, **/unpackaged/**)
  // swallowed instead of printed once per project by process.emitWarning.
  process.env.SF_DISABLE_LOG_FILE = 'true';
  const mod = require('@salesforce/source-deploy-retrieve') as typeof SdrModule;
  const { Lifecycle } = require('@salesforce/core/lifecycle') as typeof import('@salesforce/core/lifecycle');
  Lifecycle.getInstance().onWarning(async () => {});
  sdrCache = mod;
  return mod;
}

/**
 * What `sf package version create` would take from one package directory: every file SDR resolves
 * (→ the metadata type it resolved it as), and the paths it skipped because .forceignore denies them.
 */
function sdrResolve(pkgDir: string): { resolved: Map<string, string>; ignored: Set<string> } {
  const { ComponentSet } = sdr();
  // One registry for every call (as one sf command has): building it merges SDR's registry variants,
  // which otherwise costs more than resolving a small project.
  const cs = ComponentSet.fromSource({ fsPaths: [pkgDir], registry: registry() });
  const resolved = new Map<string, string>();
  for (const c of cs.getSourceComponents()) {
    if (c.xml) resolved.set(c.xml, c.type.name);
    if (c.content) resolved.set(c.content, c.type.name);
  }
  const ignored = new Set(cs.forceIgnoredPaths ?? []);
  for (const p of ignored) if (resolved.has(p)) throw new Error(`SDR resolved a forceignored path: ${p}`);
  return { resolved, ignored };
}

// ------------------------------------------------------------------ the generator

/** mulberry32: small, fast, deterministic. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    chance: (p: number) => next() < p,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick<T>(xs: readonly T[]): T {
      return xs[Math.floor(next() * xs.length)]!;
    },
  };
}
type Rng = ReturnType<typeof prng>;

let registryCache: SdrModule.RegistryAccess | undefined;
function registry(): SdrModule.RegistryAccess {
  registryCache ??= new (sdr().RegistryAccess)();
  return registryCache;
}

/** The ECA-family types this SDR knows (newer ones, e.g. Attest, make this SDR throw for the whole folder). */
function typesKnownToSdr(): EcaTypeInfo[] {
  const reg = registry();
  return ECA_TYPES.filter((t) => {
    try {
      const r = reg.getTypeBySuffix(t.suffix);
      return r?.name === t.name;
    } catch {
      return false;
    }
  });
}

const PKG_POOL = ['force-app', 'force-app/main/default', 'src/core', 'src/integrations', 'packages/eca-app', 'sfdx/force-app', 'apps/Auth', 'unpackaged', '.'];
const PREFIXES = ['', '', 'main/default/', 'main/default/', 'main/mcp/', 'default/', 'main/'];
const MISC_DIRS = ['misc', 'eca', 'oauth', 'unsorted/deep', 'unpackaged', 'build', 'Keep', 'archive/2024'];
const DOT_DIRS = ['.hidden', '.backup/old', 'x/.cache', '.dup'];
const NAMES = ['Billing', 'Acme.App', 'My_App', 'Payments', 'Sso', 'Keep', 'Drop', 'build', 'app.v2', 'X', 'Billing_oauth', 'Billing_glbloauth', 'Billing_oauthPlcy', 'Billing_plcy'];
const OUTSIDE_DIRS = ['config', 'scripts/eca', 'SalesforcePackage/devhub-external-client-app', 'unpackaged', 'docs/.old'];

/** Realistic lines, independent of the project's layout. */
const STATIC_PATTERNS = [
  '**/extlClntAppGlobalOauthSets/**', 'extlClntAppOauthPolicies/', 'extlClntAppPolicies', '**/extlClntAppOauthPolicies/**',
  'extlClntAppOauthSecuritySettings', '**/extlClntAppMobilePolicies/', 'extlClntAppSamlConfigurablePolicies/**',
  'force-app/main/default/externalClientApps/**', 'externalClientApps/**', '/force-app/main/default/extlClntAppOauthSettings/',
  '/force-app/**/extlClntAppGlobalOauthSets/*', 'src/**/extlClntAppPolicies', 'force-app/main/default/extlClntAppGlobalOauthSets/**',
  '*.ecaGlblOauth', '**/*.ecaGlblOauth-meta.xml', '**/*.eca*', '*.ecaOauthPlcy-meta.xml', '*.eca', '**/*.ecaPlcy*', '*-meta.xml', '*.ecaSmpl-meta.xml',
  '!**/externalClientApps/**', '!**/*.eca-meta.xml', '!.hidden', '!**/.hidden/**', '!**/*.dup', '!*.ecaOauth-meta.xml', '!**/extlClntAppOauthPolicies/Keep*',
  '**/EXTLCLNTAPPGLOBALOAUTHSETS/**', 'ExternalClientApps/', '**/*.ECAGLBLOAUTH-META.XML', 'EXTLCLNTAPPPOLICIES',
  'force-app\\main\\default\\extlClntAppPolicies', '**\\*.ecaPlcy-meta.xml', '**\\extlClntAppGlobalOauthSets\\**',
  '# List files or directories below to ignore them', '#**/externalClientApps/**', '', '   ',
  '**/misc/', '.hidden/', 'misc', 'unpackaged', '**/unpackaged/**', 'build/', 'build',
  'extlClntAppGlobalOauthSettings', '**/extlClntAppOauthConfigurablePolicies/**',
  '**/*Oauth*', 'main/', 'default/**', '**/default/*/Keep*', '\\#hash.eca-meta.xml', '\\!bang.eca-meta.xml', ' **/extlClntAppPolicies/**',
  'packages/', 'sfdx/force-app/**/extlClntApp*/**', '**/*.eca-meta.xml/', 'extlClntAppOauthSettings/*.ecaOauth-meta.xml', '**/Keep*',
  '**/jsconfig.json', '**/.eslintrc.json', 'package.xml', '**/__tests__/**', '*', '!*/', '!*.eca-meta.xml', '**/?ayments*', '**/[A-C]*.ecaOauth-meta.xml',
];

type FiFeature = 'bom' | 'crlf' | 'cr' | 'latin1' | 'utf16' | 'root' | 'wrapper' | 'in-package' | 'below-package' | 'folder';

interface GenForceIgnore {
  /** Absolute path. */
  path: string;
  bytes: Buffer;
  features: FiFeature[];
}

interface GenProject {
  index: number;
  root: string;
  pkgDirs: string[];
  /** Relative (posix) paths of every generated ECA-family file. */
  files: string[];
  forceIgnores: GenForceIgnore[];
}

function flipCase(r: Rng, s: string): string {
  const k = r.int(0, 2);
  if (k === 0) return s.toUpperCase();
  if (k === 1) return s.toLowerCase();
  return s.replace(/[a-z]/, (c) => c.toUpperCase()).replace(/^[A-Z]/, (c) => c.toLowerCase());
}

function overlaps(a: string, b: string): boolean {
  return a === '.' || b === '.' || a === b || a.startsWith(b + '/') || b.startsWith(a + '/');
}

function write(abs: string, data: string | Buffer): void {
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.writeFileSync(abs, data);
}

function xmlFor(t: EcaTypeInfo, app: string): string {
  const body = t.satellite ? `    <externalClientApplication>${app}</externalClientApplication>\n` : '    <label>x</label>\n';
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${t.name} xmlns="http://soap.sforce.com/2006/04/metadata">\n${body}</${t.name}>\n`;
}

/** Lines built from the project's own files, relative to the .forceignore's folder. */
function derivedPatterns(r: Rng, fiDir: string, root: string, files: string[]): string[] {
  const out: string[] = [];
  const rels = files.map((f) => path.relative(fiDir, path.join(root, f)).split(path.sep).join('/')).filter((x) => !x.startsWith('..'));
  if (!rels.length) return out;
  const n = r.int(1, 4);
  for (let i = 0; i < n; i++) {
    const rel = r.pick(rels);
    const dir = path.posix.dirname(rel);
    const base = path.posix.basename(rel);
    const parent = path.posix.basename(dir);
    const k = r.int(0, 13);
    if (k === 0) out.push(rel);
    else if (k === 1) out.push('!' + rel);
    else if (k === 2) out.push('/' + rel);
    else if (k === 3 && dir !== '.') out.push(`${dir}/**`, `!${dir}/${base}`); // re-includes
    else if (k === 4 && dir !== '.') out.push(dir, `!${dir}/${base}`); // does not re-include
    else if (k === 5 && dir !== '.') out.push(`${dir}/`);
    else if (k === 6) out.push(base);
    else if (k === 7) out.push('!' + base);
    else if (k === 8 && parent !== '.') out.push(`**/${parent}/**`);
    else if (k === 9 && parent !== '.') out.push(`${parent}/`, `!**/${parent}/${base}`);
    else if (k === 10) out.push(flipCase(r, rel));
    else if (k === 11 && dir !== '.') out.push(`${dir.split('/')[0]}/**`);
    else if (k === 12) out.push(`**/${base.replace(/-meta\.xml$/, '')}`);
    else out.push(`!${flipCase(r, parent)}/`);
  }
  return out;
}

function forceIgnoreBytes(r: Rng, lines: string[], features: FiFeature[], force?: 'latin1' | 'utf16'): Buffer {
  const decorated = lines.map((l) => (l && r.chance(0.15) ? l + r.pick(['  ', ' ', '\t', ' \\ ']) : l));
  if (force === 'latin1' || r.chance(0.08)) {
    decorated.splice(r.int(0, decorated.length), 0, '#LATIN1#');
    features.push('latin1');
  }
  const eol = r.chance(0.2) ? '\r\n' : r.chance(0.03) ? '\r' : '\n';
  if (eol !== '\n') features.push(eol === '\r' ? 'cr' : 'crlf');
  let text = decorated.join(eol) + (r.chance(0.7) ? eol : '');
  if (force === 'utf16' || r.chance(0.03)) {
    // PowerShell 5's `>` writes UTF-16LE with a BOM; SDR reads it as UTF-8: no line matches anything.
    features.push('utf16');
    return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replace('#LATIN1#', '# café'), 'utf16le')]);
  }
  if (r.chance(0.15)) {
    text = '\uFEFF' + text;
    features.push('bom');
  }
  // A comment saved in Latin-1 ("café"): invalid UTF-8 in the middle of the file.
  const parts = text.split('#LATIN1#');
  const chunks: Buffer[] = [];
  parts.forEach((p, i) => {
    if (i) chunks.push(Buffer.from([0x23, 0x20, 0x63, 0x61, 0x66, 0xe9])); // "# caf\xe9"
    chunks.push(Buffer.from(p, 'utf8'));
  });
  return Buffer.concat(chunks);
}

function randomLines(r: Rng, fiDir: string, root: string, files: string[]): string[] {
  const lines: string[] = [];
  const n = r.int(1, 7);
  for (let i = 0; i < n; i++) {
    if (r.chance(0.45)) lines.push(...derivedPatterns(r, fiDir, root, files));
    else {
      let l = r.pick(STATIC_PATTERNS);
      if (r.chance(0.1)) l = flipCase(r, l);
      lines.push(l);
    }
  }
  return lines;
}

function generate(r: Rng, base: string, index: number, types: EcaTypeInfo[]): GenProject {
  // Sometimes the project sits in a folder whose .forceignore applies (SDR searches upward past the project root).
  const wrapper = path.join(base, `w${index}`);
  const root = path.join(wrapper, 'proj');
  fs.mkdirSync(root, { recursive: true });

  // Every 50 projects, one of each rare kind for sure, whatever the seed.
  const force = index % 50 === 7 ? 'utf16' : index % 50 === 19 ? 'latin1' : undefined;
  const forceFolder = index % 50 === 31;

  const pkgDirs: string[] = [];
  const want = r.int(1, 3);
  for (let tries = 0; pkgDirs.length < want && tries < 20; tries++) {
    const c = r.pick(PKG_POOL);
    if (c === '.' && (want > 1 || pkgDirs.length || forceFolder)) continue;
    if (pkgDirs.some((d) => overlaps(d, c))) continue;
    pkgDirs.push(c);
  }
  const entries = pkgDirs.map((p, i) => ({
    path: p,
    ...(i === 0 ? { default: true } : {}),
    ...(r.chance(0.5) ? { package: `Pkg${i}`, versionNumber: '1.0.0.NEXT' } : {}),
  }));
  write(path.join(root, 'sfdx-project.json'), JSON.stringify({ packageDirectories: entries, namespace: '', sourceApiVersion: '64.0' }, null, 2));

  const files: string[] = [];
  const used = new Set<string>();
  const addFile = (rel: string, t: EcaTypeInfo) => {
    if (used.has(rel.toLowerCase())) return;
    used.add(rel.toLowerCase());
    files.push(rel);
    write(path.join(root, rel), xmlFor(t, 'Billing'));
  };
  for (const pd of pkgDirs) {
    fs.mkdirSync(path.join(root, pd), { recursive: true });
    const prefix = r.pick(PREFIXES);
    const n = r.int(3, 12);
    for (let i = 0; i < n; i++) {
      const t = r.pick(types);
      const roll = r.next();
      let folder: string;
      if (roll < 0.55) folder = t.directory;
      else if (roll < 0.63) folder = flipCase(r, t.directory);
      else if (roll < 0.75) folder = r.pick(types).directory;
      else if (roll < 0.86) folder = r.pick(MISC_DIRS);
      else if (roll < 0.95) folder = r.pick(DOT_DIRS) + (r.chance(0.5) ? '/' + t.directory : '');
      else folder = '';
      const name = r.pick(NAMES) + (r.chance(0.3) ? String(i) : '');
      // Always a suffix SDR knows, in its exact case (see the header comment).
      const fr = r.next();
      const fileName = fr < 0.9 ? `${name}.${t.suffix}-meta.xml` : fr < 0.96 ? `${name}.${t.suffix}` : `${name}.${t.suffix}.xml`;
      const rel = path.posix.join(pd, prefix, folder, fileName);
      addFile(rel, t);
    }
  }
  // ECA-family files outside every package directory: never in a build.
  const outside = r.int(0, 2);
  for (let i = 0; i < outside; i++) {
    const d = r.pick(OUTSIDE_DIRS);
    if (pkgDirs.some((p) => overlaps(p, d))) continue;
    const t = r.pick(types);
    addFile(path.posix.join(d, t.directory, `Out${i}.${t.suffix}-meta.xml`), t);
  }

  const forceignores: GenForceIgnore[] = [];
  const addFi = (dirAbs: string, where: FiFeature, forced?: 'latin1' | 'utf16') => {
    const p = path.join(dirAbs, '.forceignore');
    const features: FiFeature[] = [where];
    const bytes = forceIgnoreBytes(r, randomLines(r, dirAbs, root, files), features, forced);
    write(p, bytes);
    forceignores.push({ path: p, bytes, features });
  };
  if (force || r.chance(0.72)) addFi(root, 'root', force);
  if (r.chance(0.12)) addFi(wrapper, 'wrapper');
  const inner = pkgDirs.filter((d) => d !== '.');
  if (!forceFolder && inner.length && r.chance(0.3)) addFi(path.join(root, r.pick(inner)), 'in-package'); // replaces the root one for that directory
  if (inner.length && r.chance(0.1)) addFi(path.join(root, r.pick(inner), 'main'), 'below-package'); // governs nothing
  if (inner.length && (forceFolder || r.chance(0.03))) {
    // A folder named .forceignore: SDR's searchUp stops there (existsSync) and ignores nothing,
    // not even its defaults, for that package directory. Put a root one above it to make it matter.
    const d = path.join(root, r.pick(inner), '.forceignore');
    if (!fs.existsSync(d)) {
      fs.mkdirSync(d, { recursive: true });
      forceignores.push({ path: d, bytes: Buffer.from('(a folder)'), features: ['folder'] });
      if (!fs.existsSync(path.join(root, '.forceignore'))) addFi(root, 'root');
    }
  }
  return { index, root, pkgDirs, files, forceIgnores: forceignores };
}

/**
 * Where to write the projects: a tmpfs when there is one. Thousands of small files are written
 * and deleted; on a disk mounted with `discard` (these machines) deleting them alone takes ~10 s.
 * Nothing above /dev/shm holds a .forceignore, as for the OS temp folder.
 */
function scratchDir(): string {
  for (const d of ['/dev/shm']) {
    try {
      fs.accessSync(d, fs.constants.W_OK);
      if (fs.statSync(d).isDirectory()) return d;
    } catch {
      // not there or not writable: next
    }
  }
  return os.tmpdir();
}

// ------------------------------------------------------------------ the comparison

interface Mismatch {
  project: GenProject;
  file: string;
  lens: string;
  sdr: string;
}

/** A .forceignore as its bytes say, every invisible character escaped (BOM, CR, invalid bytes). */
function showForceIgnores(p: GenProject): string {
  if (!p.forceIgnores.length) return '    (no .forceignore)';
  return p.forceIgnores
    .map((f) => {
      const text = f.features.includes('utf16') ? f.bytes.subarray(2).toString('utf16le') : f.bytes.toString('utf8');
      const shown = JSON.stringify(text).replace(/\uFEFF/g, '\\uFEFF').replace(/\uFFFD/g, '\\uFFFD');
      return `    ${path.relative(path.dirname(p.root), f.path)} [${f.features.join(', ')}]: ${shown}`;
    })
    .join('\n');
}

function packageDirOf(p: GenProject, rel: string): string | undefined {
  let best: string | undefined;
  for (const d of p.pkgDirs) if ((d === '.' || rel.startsWith(d + '/')) && (!best || d.length > best.length)) best = d;
  return best;
}

test(`ECA Lens's "included" equals SDR's verdict on ${PROJECTS} random projects (seed ${SEED}, 0x${SEED.toString(16)})`, (t) => {
  t.diagnostic(`seed ${SEED} (set ECA_LENS_SEED to replay another)`);
  const started = Date.now();
  const types = typesKnownToSdr();
  assert.ok(types.length >= 15, `SDR knows only ${types.length} ECA-family types`);
  const unknown = ECA_TYPES.filter((x) => !types.includes(x)).map((x) => x.name);
  if (unknown.length) t.diagnostic(`types this SDR does not know (left out of the generator): ${unknown.join(', ')}`);

  const r = prng(SEED);
  const base = fs.mkdtempSync(path.join(scratchDir(), 'eca-lens-diff-'));
  const mismatches: Mismatch[] = [];
  const stats = { files: 0, included: 0, excluded: 0, forceIgnored: 0, outside: 0, dotFolder: 0, metadataFormat: 0, noMeta: 0, projectsWithoutFi: 0, sdrErrors: 0 };
  const typesSeen = new Set<string>();
  const ms = { generate: 0, sdr: 0, lens: 0 };
  const features = new Map<FiFeature, number>();
  try {
    for (let i = 0; i < PROJECTS; i++) {
      let t0 = performance.now();
      const p = generate(r, base, i, types);
      ms.generate += performance.now() - t0;
      t0 = performance.now();
      if (!p.forceIgnores.length) stats.projectsWithoutFi++;
      for (const f of p.forceIgnores) for (const x of f.features) features.set(x, (features.get(x) ?? 0) + 1);
      const resolved = new Map<string, string>();
      const ignored = new Set<string>();
      for (const d of p.pkgDirs) {
        const abs = path.join(p.root, d);
        try {
          const v = sdrResolve(abs);
          for (const [k, type] of v.resolved) resolved.set(k, type);
          for (const x of v.ignored) ignored.add(x);
        } catch (e) {
          stats.sdrErrors++;
          mismatches.push({ project: p, file: d, lens: '(n/a)', sdr: `SDR threw: ${e instanceof Error ? e.message : String(e)} — the generator must not write names SDR rejects` });
        }
      }
      ms.sdr += performance.now() - t0;
      t0 = performance.now();
      const inv = new Map<string, InventoryFileJson>(inventoryJson(openProject(p.root, nodeFsHost)).map((f) => [f.path, f]));
      ms.lens += performance.now() - t0;
      for (const rel of p.files) {
        const abs = path.join(p.root, rel);
        const lens = inv.get(rel);
        const sdrType = resolved.get(abs);
        stats.files++;
        if (sdrType) stats.included++;
        else stats.excluded++;
        if (ignored.has(abs)) stats.forceIgnored++;
        if (!packageDirOf(p, rel)) stats.outside++;
        if (/(^|\/)\./.test(rel)) stats.dotFolder++;
        if (!rel.endsWith('.xml')) stats.metadataFormat++;
        else if (!rel.endsWith('-meta.xml')) stats.noMeta++;
        if (sdrType) typesSeen.add(sdrType);
        if (!lens) {
          mismatches.push({ project: p, file: rel, lens: 'not in the inventory', sdr: sdrType ? `included as ${sdrType}` : 'excluded' });
          continue;
        }
        if (lens.included !== !!sdrType) {
          mismatches.push({ project: p, file: rel, lens: lens.included ? 'included' : 'excluded', sdr: sdrType ? `included as ${sdrType}` : ignored.has(abs) ? 'excluded (forceignored)' : 'excluded (not resolved)' });
        } else if (sdrType && lens.type !== sdrType) {
          mismatches.push({ project: p, file: rel, lens: `included as ${lens.type}`, sdr: `included as ${sdrType}` });
        }
      }
      // SDR resolved nothing the generator did not write, and ECA Lens lists nothing else.
      for (const k of resolved.keys()) {
        const rel = path.relative(p.root, k).split(path.sep).join('/');
        if (!p.files.includes(rel)) mismatches.push({ project: p, file: rel, lens: inv.has(rel) ? 'listed' : 'not listed', sdr: 'resolved a file the generator did not write' });
      }
      for (const rel of inv.keys()) if (!p.files.includes(rel)) mismatches.push({ project: p, file: rel, lens: 'listed', sdr: 'the generator did not write this file' });
    }
  } finally {
    if (!mismatches.length) fs.rmSync(base, { recursive: true, force: true });
  }
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  t.diagnostic(`${PROJECTS} projects, ${stats.files} ECA-family files in ${secs}s: ${stats.included} included, ${stats.excluded} excluded ` +
    `(${stats.forceIgnored} by .forceignore, ${stats.outside} outside package directories); ${stats.dotFolder} in dot-folders, ` +
    `${stats.metadataFormat} in metadata format, ${stats.noMeta} named X.suffix.xml; ${stats.projectsWithoutFi} projects without .forceignore; ${typesSeen.size} types included at least once`);
  t.diagnostic(`time: writing ${(ms.generate / 1000).toFixed(1)}s, SDR ${(ms.sdr / 1000).toFixed(1)}s, ECA Lens ${(ms.lens / 1000).toFixed(1)}s`);
  t.diagnostic(`.forceignore files: ${[...features].map(([k, v]) => `${v} ${k}`).join(', ')}`);

  if (mismatches.length) {
    const byProject = new Map<GenProject, Mismatch[]>();
    for (const m of mismatches) byProject.set(m.project, [...(byProject.get(m.project) ?? []), m]);
    const shown = [...byProject].slice(0, 8).map(([p, ms]) =>
      `project #${p.index} (${p.root}; package directories ${JSON.stringify(p.pkgDirs)})\n${showForceIgnores(p)}\n` +
      ms.slice(0, 10).map((m) => `    file ${m.file}\n        ECA Lens: ${m.lens}\n        SDR:      ${m.sdr}`).join('\n'));
    assert.fail(`${mismatches.length} disagreement(s) with SDR in ${byProject.size} project(s) (seed ${SEED}; temp folder kept: ${base}):\n${shown.join('\n\n')}`);
  }
  // The generator must not pass vacuously: a real mix of verdicts and of causes.
  assert.ok(stats.files >= PROJECTS * 5, `only ${stats.files} files`);
  assert.ok(stats.included > stats.files * 0.2, `only ${stats.included} of ${stats.files} files included`);
  assert.ok(stats.excluded > stats.files * 0.2, `only ${stats.excluded} of ${stats.files} files excluded`);
  assert.ok(stats.forceIgnored > stats.files * 0.1, `only ${stats.forceIgnored} of ${stats.files} files excluded by .forceignore`);
  assert.ok(stats.dotFolder > 20 && stats.metadataFormat > 20 && stats.noMeta > 10 && stats.outside > 20, `too few special files: ${JSON.stringify(stats)}`);
  assert.ok(stats.projectsWithoutFi > 10, `only ${stats.projectsWithoutFi} projects without any .forceignore`);
  assert.equal(typesSeen.size, types.length, 'every type SDR knows was included at least once');
  for (const f of ['bom', 'crlf', 'latin1', 'utf16', 'root', 'wrapper', 'in-package', 'below-package', 'folder'] as const) {
    assert.ok((features.get(f) ?? 0) >= 1, `no .forceignore of kind "${f}" was generated`);
  }
});

// ------------------------------------------------------------------ the real 2GP projects

const CORPUS = path.resolve(process.cwd(), '../shared/corpus');
const CORPUS_2GP = ['Damecek__salesforce-mcp-lib', 'shakthi-sfdc__External-Client-App-For-2G-Package', 'yositwina__NativeForms'];

/** Compares every ECA-family file of one corpus project with SDR; returns [compared, included]. */
function compareWithSdr(root: string): [number, number] {
  const name = path.relative(CORPUS, root);
  const project = openProject(root, nodeFsHost);
  const resolved = new Map<string, string>();
  // Package directories missing from the corpus (the corpus keeps only the ECA files) are skipped:
  // SDR would throw "File or folder not found" for them.
  for (const d of project.config.packageDirectories) if (fs.existsSync(d.absPath)) for (const [k, v] of sdrResolve(d.absPath).resolved) resolved.set(k, v);
  let compared = 0;
  let included = 0;
  for (const f of project.files()) {
    const sdrType = resolved.get(f.path);
    assert.equal(f.included, !!sdrType, `${name}/${f.rel}: ECA Lens says ${f.included ? 'included' : 'excluded'}, SDR says ${sdrType ? 'included' : 'excluded'}`);
    if (sdrType) {
      assert.equal(f.type?.name, sdrType, `${name}/${f.rel}: type`);
      included++;
    }
    compared++;
  }
  for (const k of resolved.keys()) assert.ok(project.file(k), `${name}: SDR resolved ${k}, which ECA Lens does not list`);
  return [compared, included];
}

test('corpus: "included" equals SDR\'s verdict for every ECA-family file of the three 2GP projects, and of every other project', () => {
  assert.ok(fs.existsSync(CORPUS), `the corpus is missing: expected it at ${CORPUS} (the shared/ checkout beside the repository)`);
  let compared = 0;
  let sdrIncluded = 0;
  for (const name of CORPUS_2GP) {
    const root = path.join(CORPUS, name);
    assert.ok(fs.existsSync(path.join(root, 'sfdx-project.json')), `${name}: no sfdx-project.json in the corpus`);
    assert.ok(openProject(root, nodeFsHost).config.packageDirectories.some((d) => d.package), `${name} is a 2GP project: its package directory must carry "package"`);
    const [c, i] = compareWithSdr(root);
    compared += c;
    sdrIncluded += i;
  }
  // Damecek: 4 files, all ship; shakthi: the header ships; NativeForms: 7 files, none ships
  // (.forceignore excludes all six under force-app, one is outside the package directory).
  assert.equal(compared, 12);
  assert.equal(sdrIncluded, 5);

  // The other sfdx projects of the corpus, for good measure.
  let others = 0;
  for (const d of fs.readdirSync(CORPUS).sort()) {
    if (CORPUS_2GP.includes(d) || !fs.statSync(path.join(CORPUS, d)).isDirectory()) continue;
    for (const root of findProjectRoots(path.join(CORPUS, d), nodeFsHost)) others += compareWithSdr(root)[0];
  }
  assert.ok(others >= 60, `only ${others} files compared in the other corpus projects`);
});
