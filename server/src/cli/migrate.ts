/**
 * `eca-lens migrate FILE... [--out PACKAGE_DIR] [--dry-run] [--format text|json]`: converts
 * Connected App source files to External Client App files. A thin adapter: reads the files, calls
 * the pure core (server/src/migrate), writes what it planned. Its own option parsing (node:util).
 *
 * Exit status: 0 every app converted and every file written; 1 an app has blockers (nothing of it
 * is written) or a target file exists (skipped, never overwritten; the app's other files are
 * written); 2 usage error, unreadable input, not a Connected App, or no sfdx-project.json (one-line
 * reason on stderr; nothing is written).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { toPosixRelative } from '../project/fsHost';
import { parseSfdxProject, PROJECT_FILE } from '../project/sfdxProject';
import { decodeBytes, TextFile } from '../util/text';
import { connectedAppFullName } from '../migrate/convert';
import { planMigration, type MigrationInput, type MigrationPlan, type PlannedApp } from '../migrate/plan';

export const MIGRATE_USAGE = `Usage: eca-lens migrate FILE... [options]

Converts Connected App source files (*.connectedApp-meta.xml) into External Client App files:
the header, OAuth settings, global OAuth settings, OAuth policies (and plugin policies when the
app has a start URL), beside the connectedApps folder. Never overwrites a file; never writes the
consumer key or secret. Adds the global OAuth settings file to .gitignore, and in a 2GP package
directory the non-packageable folders to .forceignore. The Connected App file is left as it is.

Options:
  --out PACKAGE_DIR     write into PACKAGE_DIR/main/default instead
  --dry-run             write nothing; print the report and the files' text
  --format text|json    output format (default: text)
  -h, --help            this help
Exit status: 0 converted, 1 blockers found or a file skipped because it exists, 2 usage or
unreadable input.
`;

export interface MigrateResult {
  code: number;
  stdout: string;
  stderr: string;
}

const usage = (msg: string): MigrateResult => ({ code: 2, stdout: '', stderr: `eca-lens migrate: ${msg}\n` });

export function runMigrate(argv: string[], cwd = process.cwd()): MigrateResult {
  let values: { out?: string; 'dry-run'?: boolean; format?: string; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      options: { out: { type: 'string' }, 'dry-run': { type: 'boolean' }, format: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    }));
  } catch (e) {
    return usage(`${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
  if (values.help) return { code: 0, stdout: MIGRATE_USAGE, stderr: '' };
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') return usage(`--format must be text or json, not "${format}"`);
  if (positionals.length === 0) return usage('give at least one *.connectedApp-meta.xml file (see eca-lens migrate --help)');
  const dryRun = !!values['dry-run'];

  // Read every input first: any problem stops the run before anything is written.
  const inputs: MigrationInput[] = [];
  let root: string | undefined;
  for (const arg of positionals) {
    const abs = path.resolve(cwd, arg);
    if (!connectedAppFullName(path.basename(abs))) return usage(`"${arg}" is not a *.connectedApp-meta.xml file`);
    let bytes: Uint8Array;
    try {
      bytes = fs.readFileSync(abs);
    } catch (e) {
      return usage(`can't read "${arg}": ${(e as NodeJS.ErrnoException).code ?? 'unreadable'}`);
    }
    const dec = decodeBytes(bytes);
    if (!dec.ok) return usage(`can't read "${arg}": ${dec.problem}`);
    const r = findProjectRoot(path.dirname(abs));
    if (!r) return usage(`no ${PROJECT_FILE} at or above "${arg}"`);
    if (root && r !== root) return usage(`"${arg}" is in another sfdx project than the files before it; migrate one project at a time`);
    root = r;
    inputs.push({ path: abs, file: dec.file });
  }
  const projectRoot = root!;
  const projectText = readText(path.join(projectRoot, PROJECT_FILE));
  const config = parseSfdxProject(projectRoot, projectText === undefined ? undefined : new TextFile(projectText));
  const out = values.out === undefined ? undefined : path.resolve(cwd, values.out);
  if (out !== undefined && fs.existsSync(out) && !fs.statSync(out).isDirectory()) return usage(`--out "${values.out}" is not a folder`);

  const plan = planMigration(inputs, { config, out }, { exists: (p) => fs.existsSync(p), readText });
  for (const app of plan.apps) {
    const p = app.conversion.problem;
    if (p) return usage(`${rel(projectRoot, app.source)}:${p.line + 1}:${p.character + 1}: ${p.message}`);
  }

  // Write: a file that appeared since planning is skipped too ('wx' never replaces a file).
  const written = new Map<PlannedApp, string[]>();
  const lateSkips = new Map<PlannedApp, { path: string; why: string }[]>();
  let stderr = '';
  if (!dryRun) {
    for (const app of plan.apps) {
      const done: string[] = [];
      const late: { path: string; why: string }[] = [];
      for (const w of app.writes) {
        try {
          fs.mkdirSync(path.dirname(w.path), { recursive: true });
          fs.writeFileSync(w.path, w.text, { flag: 'wx' });
          done.push(w.path);
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          late.push({ path: w.path, why: code === 'EEXIST' ? 'it exists; migrate never overwrites a file' : `can't write it (${code ?? 'error'})` });
        }
      }
      written.set(app, done);
      lateSkips.set(app, late);
    }
    for (const e of plan.ignoreEdits) {
      try {
        fs.writeFileSync(e.path, e.text);
      } catch (err) {
        stderr += `eca-lens migrate: can't update ${rel(projectRoot, e.path)} (${(err as NodeJS.ErrnoException).code ?? 'error'}); add these lines yourself: ${e.added.join(', ')}\n`;
      }
    }
  }
  const view = plan.apps.map((app) => ({
    app,
    written: dryRun ? app.writes.map((w) => w.path) : written.get(app) ?? [],
    skipped: [...app.skipped, ...(lateSkips.get(app) ?? [])],
  }));
  const failed = view.some((v) => !v.app.conversion.convertible || v.skipped.length > 0);
  const stdout = format === 'json' ? formatJson(plan, view, projectRoot, dryRun) : formatText(plan, view, projectRoot, dryRun);
  return { code: failed ? 1 : 0, stdout, stderr };
}

interface AppView {
  app: PlannedApp;
  written: string[];
  skipped: { path: string; why: string }[];
}

function findProjectRoot(start: string): string | undefined {
  let dir = start;
  for (;;) {
    if (fs.existsSync(path.join(dir, PROJECT_FILE))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Raw UTF-8 text (a BOM stays as U+FEFF, so it is written back as it was). */
function readText(p: string): string | undefined {
  try {
    return fs.readFileSync(p, 'utf8');
  } catch {
    return undefined;
  }
}

const rel = (root: string, p: string) => toPosixRelative(root, p);

/** `to` of a mapping: the target file's path (relative to the project root) + element path. */
function targetOf(app: PlannedApp, root: string, file: string, to: string): string {
  const f = app.conversion.files.find((x) => x.fileName === file);
  return `${f ? rel(root, path.join(app.baseDir, f.folder, f.fileName)) : file}/${to}`;
}


function formatText(plan: MigrationPlan, view: AppView[], root: string, dryRun: boolean): string {
  const out: string[] = [];
  for (const { app, written, skipped } of view) {
    const c = app.conversion;
    const src = rel(root, app.source);
    out.push(
      c.convertible
        ? `${src}: can be converted to External Client App "${c.fullName}"`
        : `${src}: can't be converted (${c.blockers.length} blocker${c.blockers.length === 1 ? '' : 's'}); nothing written`,
    );
    for (const b of c.blockers) out.push(`  blocker   ${b.element} (line ${app.file.positionAt(b.start).line + 1}): ${b.why}`);
    for (const w of written) out.push(`  ${dryRun ? 'would write' : 'wrote'}  ${rel(root, w)}`);
    for (const s of skipped) out.push(`  skipped   ${rel(root, s.path)}: ${s.why}`);
    for (const m of c.mapped) out.push(`  mapped    ${m.from} → ${targetOf(app, root, m.file, m.to)}${m.inferred ? ' (inferred)' : ''}`);
    for (const u of c.unmapped) out.push(`  unmapped  ${u.from}: ${u.why}`);
    for (const n of c.notes) out.push(`  note      ${n.element ? `${n.element}: ` : ''}${n.message}`);
    for (const n of app.notes) out.push(`  note      ${n}`);
  }
  for (const e of plan.ignoreEdits) {
    for (const l of e.added) out.push(`${rel(root, e.path)}: ${dryRun ? 'would add' : 'added'} ${l}${e.created ? ' (new file)' : ''}`);
  }
  if (dryRun) {
    for (const { app } of view) for (const w of app.writes) out.push('', `--- ${rel(root, w.path)}`, w.text.replace(/\n$/, ''));
  }
  return out.join('\n') + '\n';
}

function formatJson(plan: MigrationPlan, view: AppView[], root: string, dryRun: boolean): string {
  const apps = view.map(({ app, written, skipped }) => {
    const c = app.conversion;
    return {
      source: rel(root, app.source),
      name: c.fullName,
      convertible: c.convertible,
      written: written.map((w) => rel(root, w)),
      skipped: skipped.map((s) => ({ path: rel(root, s.path), why: s.why })),
      mapped: c.mapped.map((m) => (m.inferred ? { from: m.from, to: targetOf(app, root, m.file, m.to), inferred: true } : { from: m.from, to: targetOf(app, root, m.file, m.to) })),
      unmapped: c.unmapped.map((u) => ({ from: u.from, why: u.why })),
      blockers: c.blockers.map((b) => ({ element: b.element, why: b.why, line: app.file.positionAt(b.start).line + 1 })),
      notes: [...c.notes.map((n) => (n.element ? `${n.element}: ${n.message}` : n.message)), ...app.notes],
      ...(dryRun ? { files: app.writes.map((w) => ({ path: rel(root, w.path), text: w.text })) } : {}),
    };
  });
  return (
    JSON.stringify(
      {
        version: 1,
        dryRun,
        apps,
        ignoreFiles: plan.ignoreEdits.map((e) => ({ path: rel(root, e.path), created: e.created, added: e.added })),
      },
      null,
      2,
    ) + '\n'
  );
}
