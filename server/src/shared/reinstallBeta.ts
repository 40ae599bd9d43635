/**
 * For the VS Code command "Reinstall Beta Version": from sfdx-project.json's `packageAliases`,
 * the two newest package versions (`Pkg@1.2.0-1` → `04t...`) of one package, and the two `sf`
 * commands that swap the older beta for the newer one in an org. Pure: no vscode, no process, no
 * import (shared/: the client builds the plan from the `ecaLens/packages` answer).
 */

export interface PackageVersionAlias {
  alias: string;
  id: string;
  /** [major, minor, patch, build] */
  version: [number, number, number, number];
}

export interface ReinstallPlan {
  /** The installed (older) version, uninstalled first. */
  old: PackageVersionAlias;
  /** The newest version, installed. */
  new: PackageVersionAlias;
  commands: [uninstall: string, install: string];
  warning: string;
}

export const REINSTALL_WARNING =
  'Uninstalling removes the package\'s components and their data from the org. The uninstall is blocked while anything outside the package references its components: Lightning pages (FlexiPages) that use them and permission sets assigned to users that grant access to them. Remove those references and unassign the permission sets first.';

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The `04t` versions of `packageName` in the aliases, newest first (by the version in the alias). */
export function packageVersions(aliases: Readonly<Record<string, string>>, packageName: string): PackageVersionAlias[] {
  const re = new RegExp(`^${escapeRe(packageName)}@(\\d+)\\.(\\d+)\\.(\\d+)(?:[-.](\\d+))?$`);
  const out: PackageVersionAlias[] = [];
  for (const [alias, id] of Object.entries(aliases)) {
    const m = re.exec(alias);
    if (!m || typeof id !== 'string' || !/^04t[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?$/.test(id)) continue;
    out.push({ alias, id, version: [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4] ?? 0)] });
  }
  return out.sort((a, b) => {
    for (let i = 0; i < 4; i++) if (a.version[i] !== b.version[i]) return b.version[i]! - a.version[i]!;
    return a.alias < b.alias ? -1 : 1;
  });
}

/** Quote an argument for a POSIX-like shell when it needs it. */
function arg(s: string): string {
  return /^[A-Za-z0-9@._:\/-]+$/.test(s) ? s : `'${s.replace(/'/g, "'\\''")}'`;
}

/**
 * The plan for reinstalling: uninstall the second-newest version, install the newest. undefined
 * when the aliases hold fewer than two versions of the package.
 */
export function reinstallBetaPlan(aliases: Readonly<Record<string, string>>, packageName: string, org: string): ReinstallPlan | undefined {
  const [newest, previous] = packageVersions(aliases, packageName);
  if (!newest || !previous) return undefined;
  return {
    old: previous,
    new: newest,
    commands: [`sf package uninstall -p ${previous.id} -o ${arg(org)} --wait 15`, `sf package install -p ${newest.id} -o ${arg(org)} --wait 15 --no-prompt`],
    warning: REINSTALL_WARNING,
  };
}
