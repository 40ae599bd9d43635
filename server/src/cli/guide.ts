/**
 * `eca-lens guide [DIR] [--app NAME] [--out FILE]`: a Markdown post-install guide for each app
 * that ships in a package. Reads flags and names from the metadata, never a secret value.
 * Exit 0, 2 on usage problems or when there is no packaged app (or none named NAME).
 */
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { nodeFsHost, type FsHost } from '../project/fsHost';
import { findProjectRoots, openProject, type EcaProject } from '../engine';
import { renderGuide, type GuideApp, type GuideIpRange } from '../views/guide';
import { shipsInPackage, type ProjectFile } from '../views/snapshot';
import type { CommandResult } from './preview';

export const GUIDE_USAGE = `Usage: eca-lens guide [DIR] [--app NAME] [--out FILE]

Writes a Markdown post-install guide for subscribers, one section per External Client App that
ships in a package of the sfdx project at or above DIR: the OAuth flow to enable, the Run As user,
permission sets, scopes, IP ranges, permitted users. No key or secret is ever printed.

Options:
  --app NAME      only this app (its fullName)
  --out FILE      write the guide to FILE instead of standard output
  -h, --help      this help
Exit status: 0 written, 2 usage problem or no packaged app.
`;

const fail = (msg: string, usage = false): CommandResult => ({ code: 2, stdout: '', stderr: `eca-lens: ${msg}\n${usage ? GUIDE_USAGE : ''}` });

export function runGuide(argv: string[], cwd = process.cwd()): CommandResult {
  let values: { app?: string; out?: string; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { app: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (e) {
    return fail(e instanceof Error ? e.message : String(e), true);
  }
  if (values.help) return { code: 0, stdout: GUIDE_USAGE, stderr: '' };
  if (positionals.length > 1) return fail(`only one DIR may be given ("${positionals.join('", "')}")`, true);
  const dirArg = positionals[0] ?? '.';
  const dir = path.resolve(cwd, dirArg);
  if (!nodeFsHost.isDirectory(dir)) return fail(`"${dirArg}" is not a folder`);
  const roots = findProjectRoots(dir, nodeFsHost);
  if (roots.length === 0) return fail(`no sfdx-project.json at or above "${dirArg}", nor below it`);
  let apps: GuideApp[] = [];
  for (const root of roots) apps.push(...guideApps(openProject(root, nodeFsHost, { ruleSet: [] }), nodeFsHost));
  if (!apps.length) return fail(`no External Client App ships in a package of ${roots.length > 1 ? 'these projects' : 'this project'} (a header included in a packageDirectories entry with "package")`);
  if (values.app !== undefined) {
    const want = values.app;
    apps = apps.filter((a) => a.name === want);
    if (!apps.length) return fail(`no packaged app named "${want}"`);
  }
  const md = renderGuide(apps);
  if (values.out !== undefined) {
    const out = path.resolve(cwd, values.out);
    try {
      nodeFsHost.writeFile(out, new TextEncoder().encode(md));
    } catch (e) {
      return fail(`can't write "${values.out}": ${e instanceof Error ? e.message : String(e)}`);
    }
    return { code: 0, stdout: '', stderr: `wrote ${values.out} (${apps.length} app(s))\n` };
  }
  return { code: 0, stdout: md, stderr: '' };
}

type El = NonNullable<NonNullable<ProjectFile['xml']>['root']>;
const text = (el: El | undefined, name: string): string | undefined => {
  const t = el?.children.find((c) => c.name === name)?.text;
  return t === undefined || t === '' ? undefined : t;
};
const isTrue = (el: El | undefined, name: string) => text(el, name)?.toLowerCase() === 'true';

/** The guide's input for every header that ships in a package. Only flags and names are read. */
export function guideApps(project: EcaProject, host: FsHost): GuideApp[] {
  const out: GuideApp[] = [];
  const permSets = new Map<string, string[]>();
  for (const app of project.apps()) {
    for (const h of app.headers) {
      if (!shipsInPackage(h) || !h.packageDir?.package) continue;
      const d = h.packageDir;
      const root = h.xml?.root;
      const ofType = (t: string) => app.files.filter((f) => f.type?.name === t);
      const oauthFile = ofType('ExtlClntAppOauthSettings').sort((a, b) => Number(shipsInPackage(b)) - Number(shipsInPackage(a)))[0];
      const o = oauthFile?.xml?.root;
      const globals = ofType('ExtlClntAppGlobalOauthSettings').map((f) => f.xml?.root);
      const policies = ofType('ExtlClntAppOauthConfigurablePolicies').map((f) => f.xml?.root);
      const ips: GuideIpRange[] = (o?.children ?? [])
        .filter((c) => c.name === 'trustedIpRanges')
        .map((c) => ({ start: text(c, 'startIpAddress') ?? '?', end: text(c, 'endIpAddress') ?? '?', ...(text(c, 'description') ? { description: text(c, 'description')! } : {}) }));
      if (!permSets.has(d.absPath)) permSets.set(d.absPath, findPermissionSets(host, d.absPath));
      const pol = policies.find((p) => p);
      out.push({
        name: app.name,
        ...(text(root, 'label') ? { label: text(root, 'label')! } : {}),
        ...(text(root, 'description') ? { description: text(root, 'description')! } : {}),
        ...(text(root, 'contactEmail') ? { contactEmail: text(root, 'contactEmail')! } : {}),
        package: d.package!,
        packageDirectory: d.relPath,
        namespace: project.config.namespace,
        ...(oauthFile
          ? {
              oauth: {
                scopes: (text(o, 'commaSeparatedOauthScopes') ?? '').split(',').map((s) => s.trim()).filter(Boolean),
                trustedIpRanges: ips,
              },
            }
          : {}),
        clientCredentials: globals.some((g) => isTrue(g, 'isClientCredentialsFlowEnabled')) || policies.some((p) => isTrue(p, 'isClientCredentialsFlowEnabled')),
        // Presence only: the certificate's text is never copied.
        jwt: globals.some((g) => !!text(g, 'certificate')),
        ...(text(pol, 'permittedUsersPolicyType') ? { permittedUsersPolicyType: text(pol, 'permittedUsersPolicyType')! } : {}),
        policyPermissionSets: (text(pol, 'commaSeparatedPermissionSet') ?? '').split(',').map((s) => s.trim()).filter(Boolean),
        packagePermissionSets: permSets.get(d.absPath)!,
      });
    }
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

const SKIP = new Set(['node_modules', '.git', '.sf', '.sfdx']);
const PERMSET = /^(.+)\.permissionset-meta\.xml$/;

/** API names of the permission sets (`X.permissionset-meta.xml`) below a folder. */
export function findPermissionSets(host: FsHost, dir: string, depth = 12): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const walk = (d: string, n: number) => {
    const real = host.realpath(d) ?? d;
    if (n > depth || seen.has(real)) return;
    seen.add(real);
    for (const e of host.readDir(d) ?? []) {
      if (e.isDirectory && !SKIP.has(e.name)) walk(path.join(d, e.name), n + 1);
      else if (e.isFile) {
        const m = PERMSET.exec(e.name);
        if (m) out.push(m[1]!);
      }
    }
  };
  walk(dir, 0);
  return [...new Set(out)].sort();
}
