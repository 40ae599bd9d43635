/**
 * "Reinstall Beta Version": a beta package version can't be upgraded in place, so the
 * older version is uninstalled and the newer one installed. Reads the package versions from the
 * server (`ecaLens/packages`: sfdx-project.json's packageAliases), asks the org, shows the
 * commands and the warning, and runs them only when the user says so.
 */
import type { PackagesParams, PackageVersions } from '../../../server/src/shared/protocol';
import { reinstallBetaPlan, type ReinstallPlan } from '../../../server/src/shared/reinstallBeta';
import type { Ui } from './ports';

export interface ReinstallDeps {
  ui: Ui;
  /** The active editor's file URI, if any. */
  activeUri(): string | undefined;
  /** `ecaLens/packages`; undefined when the server is not running. */
  packages(params: PackagesParams): Promise<PackageVersions[] | undefined>;
  /** A modal warning with `detail`; the action chosen, undefined on Cancel. */
  confirm(message: string, detail: string, ...actions: string[]): Promise<string | undefined>;
  /** Create a terminal named `name`, show it and send `line`. */
  runInTerminal(name: string, line: string): void;
  copy(text: string): Promise<void>;
}

export const RUN = 'Run in Terminal';
export const COPY = 'Copy Commands';
export const TERMINAL_NAME = 'ECA Lens: reinstall beta';

/** An org alias or username for `-o`: not empty, no spaces. */
export function validateOrg(value: string): string | undefined {
  const v = value.trim();
  if (!v) return 'Type the alias or username of the org where the beta is installed.';
  if (/\s/.test(v)) return 'An org alias or username has no spaces.';
  return undefined;
}

/** The two commands as one shell line: the install runs only when the uninstall succeeded. */
export function commandLine(plan: ReinstallPlan): string {
  return plan.commands.join(' && ');
}

export type ReinstallOutcome = { action: 'run' | 'copy'; line: string; plan: ReinstallPlan } | undefined;

export async function reinstallBeta(deps: ReinstallDeps): Promise<ReinstallOutcome> {
  const uri = deps.activeUri();
  const pkgs = await deps.packages(uri ? { uri } : {});
  if (!pkgs) {
    await deps.ui.error('ECA Lens: the language server is not running; try "ECA Lens: Restart Server".');
    return undefined;
  }
  if (!pkgs.length) {
    await deps.ui.info('ECA Lens: sfdx-project.json has no package (a packageDirectories entry with "package"), so there is no beta to reinstall.');
    return undefined;
  }
  const pkg =
    pkgs.length === 1
      ? pkgs[0]
      : await deps.ui.pick(
          pkgs.map((p) => ({ label: p.name, description: `${p.path} · ${p.versions.length} version(s)`, detail: p.versions[0] ? `newest: ${p.versions[0].alias}` : undefined, value: p })),
          { title: 'ECA Lens: Reinstall Beta Version', placeHolder: 'Package' },
        );
  if (!pkg) return undefined;
  if (pkg.versions.length < 2) {
    const have = pkg.versions.length === 1 ? `only one 04t version (${pkg.versions[0]!.alias})` : 'no 04t version';
    await deps.ui.info(
      `ECA Lens: the packageAliases of sfdx-project.json hold ${have} of package "${pkg.name}". Reinstalling needs two: the installed beta and the newer one (sf package version create adds an alias for each).`,
    );
    return undefined;
  }
  const org = await deps.ui.input({
    title: `ECA Lens: Reinstall ${pkg.name} ${pkg.versions[0]!.alias.slice(pkg.name.length + 1)}`,
    prompt: 'Alias or username of the org where the older beta is installed (sf org list)',
    placeHolder: 'my-scratch-org',
    validate: validateOrg,
  });
  if (org === undefined) return undefined;
  const plan = reinstallBetaPlan(Object.fromEntries(pkg.versions.map((v) => [v.alias, v.id])), pkg.name, org.trim());
  if (!plan) return undefined;
  const line = commandLine(plan);
  const choice = await deps.confirm(
    `Reinstall ${pkg.name} in ${org.trim()}: uninstall ${plan.old.alias}, then install ${plan.new.alias}?`,
    `${plan.warning}\n\n${plan.commands.join('\n')}`,
    RUN,
    COPY,
  );
  if (choice === RUN) {
    deps.runInTerminal(TERMINAL_NAME, line);
    return { action: 'run', line, plan };
  }
  if (choice === COPY) {
    await deps.copy(line);
    void deps.ui.info(`ECA Lens: copied: ${line}`);
    return { action: 'copy', line, plan };
  }
  return undefined;
}
