/**
 * Where the converted files go, and what else changes: pure given the texts it is handed and an
 * `exists` probe (the CLI passes the disk's; tests pass a map). Nothing is written here.
 *
 * - Folders: the ECA folders sit beside the `connectedApps` folder that holds the Connected App
 *   (`<pkgdir>/main/default/connectedApps/X` → `<pkgdir>/main/default/externalClientApps/...`);
 *   a Connected App outside a `connectedApps` folder goes to `<its package directory>/main/default`;
 *   `out` (a package directory) puts them in `<out>/main/default`.
 * - Never over an existing file: a target that exists (or that an earlier app of the same run
 *   takes) is skipped and reported; the other files of that app are still written.
 * - An app with blockers gets nothing written.
 * - `.gitignore` (project root): one line per global OAuth settings file written, unless the file's
 *   `.gitignore` already ignores it (gitignore semantics via `ignore`; root file only).
 * - `.forceignore`: when the target is a 2GP package directory, `**\/<folder>/**` for each
 *   non-packageable folder written into, unless the applying `.forceignore` (SDR's search upward
 *   from the package directory, ForceIgnoreFile) already excludes the file. With none in the
 *   project, one is created at the project root.
 */
import * as path from 'node:path';
import ignore from 'ignore';
import { appendLine } from '../edits/textEdits';
import { FORCEIGNORE, ForceIgnoreFile } from '../project/forceIgnore';
import { packageDirectoryOf, type SfdxProjectConfig } from '../project/sfdxProject';
import { toPosixRelative } from '../project/fsHost';
import { TextFile } from '../util/text';
import { connectedAppFullName, convertConnectedApp, type Conversion, type EcaFileKind } from './convert';

export interface PlanHost {
  exists(absPath: string): boolean;
  /** Text of a file, undefined when missing or unreadable. */
  readText(absPath: string): string | undefined;
}

export interface MigrationInput {
  /** Absolute path of the `.connectedApp-meta.xml`. */
  readonly path: string;
  readonly file: TextFile;
}

export interface MigrationOptions {
  readonly config: SfdxProjectConfig;
  /** Absolute package directory to write into instead of the one beside the Connected App. */
  readonly out?: string;
}

export interface PlannedWrite {
  readonly path: string;
  readonly kind: EcaFileKind;
  readonly text: string;
}

export interface SkippedWrite {
  readonly path: string;
  readonly why: string;
}

export interface PlannedApp {
  readonly source: string;
  /** The Connected App's text (for line numbers). */
  readonly file: TextFile;
  readonly conversion: Conversion;
  /** The `main/default`-level folder the ECA folders go under. */
  readonly baseDir: string;
  readonly writes: readonly PlannedWrite[];
  readonly skipped: readonly SkippedWrite[];
  /** Notes about placement (2GP package, .forceignore created, ...). */
  readonly notes: readonly string[];
}

/** A whole-file replacement of an ignore file (created when `created`). */
export interface IgnoreEdit {
  readonly path: string;
  readonly created: boolean;
  readonly added: readonly string[];
  readonly text: string;
}

export interface MigrationPlan {
  readonly apps: readonly PlannedApp[];
  readonly ignoreEdits: readonly IgnoreEdit[];
}

const NON_PACKAGEABLE: ReadonlySet<EcaFileKind> = new Set<EcaFileKind>(['globalOauth', 'oauthPolicies', 'policies']);

/** The `main/default`-level folder the ECA folders of this Connected App go under. */
export function targetBaseDir(source: string, config: SfdxProjectConfig, out?: string): string {
  if (out) return path.join(out, 'main', 'default');
  const dir = path.dirname(source);
  if (path.basename(dir).toLowerCase() === 'connectedapps') return path.dirname(dir);
  const pkg = packageDirectoryOf(config, source) ?? config.packageDirectories.find((d) => d.default) ?? config.packageDirectories[0];
  return pkg ? path.join(pkg.absPath, 'main', 'default') : dir;
}

export function planMigration(inputs: readonly MigrationInput[], options: MigrationOptions, host: PlanHost): MigrationPlan {
  const { config } = options;
  const root = config.root;
  const taken = new Set<string>();
  const apps: PlannedApp[] = [];
  // Ignore files being edited: path → current text (after this run's additions).
  const ignoreTexts = new Map<string, { created: boolean; added: string[]; file: TextFile }>();
  const ignoreFile = (p: string) => {
    let e = ignoreTexts.get(p);
    if (!e) {
      const t = host.readText(p);
      e = { created: t === undefined, added: [], file: new TextFile(t ?? '') };
      ignoreTexts.set(p, e);
    }
    return e;
  };
  const addLine = (p: string, line: string) => {
    const e = ignoreFile(p);
    const edit = appendLine(e.file, line);
    const t = e.file.text;
    e.file = new TextFile(t.slice(0, edit.start) + edit.newText + t.slice(edit.end), e.file.bom);
    e.added.push(line);
  };

  for (const input of inputs) {
    const fullName = connectedAppFullName(path.basename(input.path)) ?? path.basename(input.path).replace(/\..*$/, '');
    const conversion = convertConnectedApp(input.file, fullName);
    const baseDir = targetBaseDir(input.path, config, options.out);
    const writes: PlannedWrite[] = [];
    const skipped: SkippedWrite[] = [];
    const notes: string[] = [];
    const pkg = packageDirectoryOf(config, path.join(baseDir, 'x'));
    if (!conversion.problem && conversion.convertible) {
      for (const f of conversion.files) {
        const p = path.join(baseDir, f.folder, f.fileName);
        if (taken.has(p)) skipped.push({ path: p, why: 'an earlier Connected App of this run writes it' });
        else if (host.exists(p)) skipped.push({ path: p, why: 'it exists; migrate never overwrites a file' });
        else {
          writes.push({ path: p, kind: f.kind, text: f.text });
          taken.add(p);
        }
      }
      // .gitignore: the global OAuth settings stay out of source control.
      for (const w of writes.filter((x) => x.kind === 'globalOauth')) {
        const gi = path.join(root, '.gitignore');
        const rel = toPosixRelative(root, w.path);
        if (rel.startsWith('..')) {
          notes.push(`${rel} is outside the project; add it to your .gitignore yourself`);
          continue;
        }
        const current = ignoreFile(gi).file.text;
        if (!ignore().add(current).ignores(rel)) addLine(gi, `/${rel}`);
      }
      // .forceignore: the non-packageable files stay out of a 2GP build.
      if (pkg?.package) {
        const fiPath = findForceIgnoreIn(pkg.absPath, root, host) ?? path.join(root, FORCEIGNORE);
        for (const w of writes.filter((x) => NON_PACKAGEABLE.has(x.kind))) {
          const folder = path.basename(path.dirname(w.path));
          const e = ignoreFile(fiPath);
          if (new ForceIgnoreFile(fiPath, e.file).denies(w.path)) continue;
          addLine(fiPath, `**/${folder}/**`);
        }
        notes.push(
          `the header says distributionState Local; to ship it in package "${pkg.package}", set Packaged and orgScopedExternalApp (eca-lens check --fix offers both)`,
        );
      }
    }
    apps.push({ source: input.path, file: input.file, conversion, baseDir, writes, skipped, notes });
  }
  const ignoreEdits: IgnoreEdit[] = [];
  for (const [p, e] of ignoreTexts) if (e.added.length) ignoreEdits.push({ path: p, created: e.created, added: e.added, text: e.file.text });
  return { apps, ignoreEdits };
}

/** SDR's search upward from the package directory, kept inside the project. */
function findForceIgnoreIn(start: string, root: string, host: PlanHost): string | undefined {
  const top = path.resolve(root);
  let dir = path.resolve(start);
  if (dir !== top && !dir.startsWith(top + path.sep)) return undefined;
  for (;;) {
    const p = path.join(dir, FORCEIGNORE);
    if (host.exists(p)) return p;
    if (dir === top) return undefined;
    dir = path.dirname(dir);
  }
}

/** What `planForFile` needs of a project (the model's ProjectView and the rule context give it). */
export interface PlanView {
  readonly config: SfdxProjectConfig;
  /** The ECA-family file the model holds at this path, if any. */
  file(p: string): unknown;
  /** Text of any file of the project (tracked by the model), undefined when missing. */
  textOf(p: string): TextFile | undefined;
}

/** A PlanHost over what the model knows: no disk of its own (a rule may use it). */
export function viewPlanHost(view: PlanView): PlanHost {
  return {
    exists: (p) => view.file(p) !== undefined || view.textOf(p) !== undefined,
    readText: (p) => view.textOf(p)?.text,
  };
}

/** The plan for one Connected App of a project, from the model (the rule's fix, the LSP preview). */
export function planForFile(view: PlanView, source: string, file: TextFile): MigrationPlan {
  return planMigration([{ path: source, file }], { config: view.config }, viewPlanHost(view));
}
