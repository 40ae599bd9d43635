/** The workspace model's options and the shapes its updates answer with (model/workspace.ts). */
import type { Baseline } from '../project/releaseSnapshot';
import type { EcaTypeInfo } from '../metadata/types';
import type { DevHubEnv } from '../project/devHub';

export interface ModelOptions {
  /** Globs (gitignore syntax, relative to the project root) of paths to leave out. */
  exclude?: readonly string[];
  /** Overrides the offline Dev Hub lookup (validated: project/devHub.ts devHubFromSetting). */
  devHubOrgId?: string;
  /** Where devHubOrgId comes from, as messages name it (default: the setting). */
  devHubOrgIdSource?: 'cli' | 'setting';
  /**
   * The folder has no sfdx-project.json: index its ECA files as loose metadata (no package
   * directories, so only the rules that need none can report), and report nothing about the
   * missing project file.
   */
  noProjectFile?: boolean;
  devHubEnv?: DevHubEnv;
  extraTypes?: readonly EcaTypeInfo[];
  /**
   * The project as it was at a released git revision (`check --since REF`; the CLI reads it with
   * GitTreeHost): rule packaged-component-removed compares with it. The model runs no git.
   */
  baseline?: Baseline;
  /**
   * `check --cache` after some ECA files changed: the files known unchanged since the last run, with
   * the app and build verdict it found (the `.forceignore` files and `sfdx-project.json` are
   * unchanged too). Their content, and the line that excludes one, are worked out only when asked for.
   */
  known?: ReadonlyMap<string, KnownFile>;
}

/** What the last run found of a file known unchanged (`ModelOptions.known`). */
export interface KnownFile {
  /** null: none. */
  app: string | null;
  included: boolean;
}

export interface ChangeResult {
  /** Files whose inputs may have changed (re-check and republish these). */
  affected: Set<string>;
  /** The inventory (files, apps, inclusion) changed. */
  inventoryChanged: boolean;
  /**
   * Of `affected`, the files whose only changed inputs are build verdicts and `.forceignore`
   * files (a `.forceignore` edit): only the rules that read those need to run again.
   */
  verdictOnly?: Set<string>;
}

/** What a reader asked the model for: a path's text, or a listing of the project's files. */
export type ReadKey = { kind: 'text'; path: string } | { kind: 'list' };
