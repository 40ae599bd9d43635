/**
 * The subscriber guide's input (views/guide.ts `GuideApp`) from a project's model: every header
 * that ships in a package, its OAuth settings, policies and the package's permission sets. Shared
 * by `eca-lens guide` and the server's `ecaLens/guide` request. Only flags and names are read.
 */
import * as path from 'node:path';
import type { FsHost } from '../project/fsHost';
import type { ProjectView } from '../model/types';
import type { GuideApp, GuideIpRange } from './guide';
import { shipsInPackage, type ProjectFile } from './snapshot';

type El = NonNullable<NonNullable<ProjectFile['xml']>['root']>;
const text = (el: El | undefined, name: string): string | undefined => {
  const t = el?.children.find((c) => c.name === name)?.text;
  return t === undefined || t === '' ? undefined : t;
};
const isTrue = (el: El | undefined, name: string) => text(el, name)?.toLowerCase() === 'true';

/**
 * The guide's input for every header that ships in a package, sorted by name. `host` lists the
 * permission sets (the CLI's disk; the server's overlay, open buffers included).
 */
export function guideApps(project: ProjectView, host: FsHost): GuideApp[] {
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
