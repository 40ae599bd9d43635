/**
 * The inventory's data: every ECA-family file with its type, package directory, app and build
 * verdict. Read-only views for rules and adapters.
 */
import type { Baseline } from '../project/releaseSnapshot';
import type { EcaTypeInfo, FileNameInfo, TypeRegistry } from '../metadata/types';
import type { ParsedXml } from '../metadata/parse';
import type { TextFile } from '../util/text';
import type { PackageDirectory, SfdxProjectConfig } from '../project/sfdxProject';
import type { Exclusion, ForceIgnoreFile } from '../project/forceIgnore';
import type { DevHubLookup } from '../project/devHub';
import type { IgnoreFileAt } from '../project/gitIgnore';

export interface EcaFile {
  /** Absolute path. */
  readonly path: string;
  /** Forward-slash path relative to the project root. */
  readonly rel: string;
  readonly nameInfo: FileNameInfo;
  /** The resolved type; undefined for an unrecognised name. */
  readonly type: EcaTypeInfo | undefined;
  readonly fullName: string;
  readonly packageDir: PackageDirectory | undefined;
  /** Decoded text; undefined when the file could not be read as text. */
  readonly doc: TextFile | undefined;
  readonly readProblem: string | undefined;
  readonly xml: ParsedXml | undefined;
  /** Header: its fullName; satellite: its `<externalClientApplication>`; undefined when unknown. */
  readonly appName: string | undefined;
  /** True exactly when SDR would put the file into its package directory's build. */
  readonly included: boolean;
  /** When excluded by `.forceignore`: which file and line. */
  readonly exclusion: { forceIgnore: ForceIgnoreFile; info: Exclusion } | undefined;
}

export interface AppInfo {
  readonly name: string;
  /** Header files declaring this app (normally one). */
  readonly headers: readonly EcaFile[];
  /** Every file of the app, header included. */
  readonly files: readonly EcaFile[];
}

export interface ProjectView {
  readonly root: string;
  readonly config: SfdxProjectConfig;
  readonly types: TypeRegistry;
  readonly projectFilePath: string;
  files(): Iterable<EcaFile>;
  file(path: string): EcaFile | undefined;
  app(name: string): AppInfo | undefined;
  apps(): Iterable<AppInfo>;
  /** The `.forceignore` that governs a package directory's build (SDR: first found upward). */
  forceIgnoreFor(dir: PackageDirectory): ForceIgnoreFile | undefined;
  /**
   * Paths of every ECA-family file below a `.forceignore`'s folder, relative to it (as that file's
   * patterns see them). Cached until a file appears or vanishes.
   */
  filesRelativeTo(fi: ForceIgnoreFile): readonly string[];
  /** Every `.forceignore` the engine knows (governing or found in the project). */
  forceIgnores(): Iterable<ForceIgnoreFile>;
  /** Directory names that exist in the project (lower-cased), for `.forceignore` checks. */
  directoryNamesLower(): ReadonlySet<string>;
  devHub(): DevHubLookup;
  /** The ECA-family files of one type (a name from the type table, e.g. 'ExternalClientApplication'). */
  filesOfType(typeName: string): readonly EcaFile[];
  /**
   * Absolute paths of any files of the project tree (not only ECA-family ones: permission sets,
   * profiles, settings, `.gitignore`) whose path relative to the project root matches one of the
   * globs (gitignore syntax, e.g. `**\/*.permissionset-meta.xml`). Listed lazily, once, and kept up
   * to date as files appear and vanish. Read their text with `ctx.textOf(path)`.
   */
  listFiles(globs: string | readonly string[]): readonly string[];
  /** The git repository root: the nearest folder at or above the project root holding `.git`. */
  gitRoot(): string | undefined;
  /**
   * The repository's ignore files outside the project's tree (`.git/info/exclude`, the `.gitignore`
   * of each folder above the project up to the repository root), in precedence order: the only
   * files outside the project that `textOf` reads.
   */
  ignoreFilesAbove(): readonly IgnoreFileAt[];
  /** The project as it was at a released revision (`check --since REF`), when the adapter gave one. */
  baseline(): Baseline | undefined;
}
