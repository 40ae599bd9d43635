// Generates a large, deterministic sfdx project for the benchmarks: `apps` External Client Apps
// (5 ECA-family files each) spread over three package directories (two packaged), plus filler
// source files (Apex classes and their meta files) up to `total` files.
import { mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const NS = 'http://soap.sforce.com/2006/04/metadata';
const x = (root, body) => `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="${NS}">\n${body}</${root}>\n`;
const el = (n, v) => `    <${n}>${v}</${n}>\n`;

export function generate(dir, { apps = 2000, total = 25000 } = {}) {
  rmSync(dir, { recursive: true, force: true });
  const pkgDirs = [
    { path: 'pkg-core', package: 'Core' },
    { path: 'pkg-integrations', package: 'Integrations' },
    { path: 'unpackaged-src' },
  ];
  const w = (rel, text) => {
    const p = join(dir, rel);
    mkdirSync(join(p, '..'), { recursive: true });
    writeFileSync(p, text);
  };
  w(
    'sfdx-project.json',
    JSON.stringify(
      {
        packageDirectories: pkgDirs.map((d, i) => ({ path: d.path, default: i === 0, ...(d.package ? { package: d.package, versionNumber: '1.0.0.NEXT' } : {}) })),
        namespace: 'bench',
        sourceApiVersion: '64.0',
      },
      null,
      2,
    ),
  );
  // Its own repository root, as a checked-out project is (else git's root would be ECA Lens's own
  // checkout, whose .gitignore names bench/.generated/: every file of the tree would be git-ignored).
  mkdirSync(join(dir, '.git'), { recursive: true });
  w('.forceignore', '# bench\npackage.xml\n**/jsconfig.json\n**/extlClntAppGlobalOauthSets/**\n**/extlClntAppOauthPolicies/**\n**/extlClntAppPolicies/**\n');
  let files = 2;
  for (let i = 0; i < apps; i++) {
    const d = pkgDirs[i % 3].path;
    const base = `${d}/main/default`;
    const name = `App${String(i).padStart(5, '0')}`;
    const packaged = i % 3 !== 2;
    // A few hazards, so rules have work: every 50th header is Local in a packaged dir.
    const state = packaged && i % 50 !== 0 ? 'Packaged' : 'Local';
    w(`${base}/externalClientApps/${name}.eca-meta.xml`, x('ExternalClientApplication',
      el('contactEmail', 'dev@example.com') + el('distributionState', state) + el('isProtected', 'false') + el('label', name) +
      (state === 'Packaged' ? el('orgScopedExternalApp', `00D5g000004XyZa:${name}`) : '')));
    w(`${base}/extlClntAppOauthSettings/${name}_oauth.ecaOauth-meta.xml`, x('ExtlClntAppOauthSettings',
      el('commaSeparatedOauthScopes', 'Api, RefreshToken') + el('externalClientApplication', name) + el('label', `${name}_oauth`) +
      (i % 7 ? el('oauthLink', `00D5g000004XyZa:8885g00000${String(i).padStart(5, '0')}`) : '')));
    w(`${base}/extlClntAppGlobalOauthSets/${name}_glbloauth.ecaGlblOauth-meta.xml`, x('ExtlClntAppGlobalOauthSettings',
      el('callbackUrl', `https://example.com/${name}/callback`) + el('externalClientApplication', name) + el('isPkceRequired', 'true') + el('label', `${name}_glbloauth`)));
    w(`${base}/extlClntAppOauthPolicies/${name}_oauthPlcy.ecaOauthPlcy-meta.xml`, x('ExtlClntAppOauthConfigurablePolicies',
      el('externalClientApplication', name) + el('ipRelaxationPolicyType', 'Enforce') + el('label', `${name}_oauthPlcy`) + el('permittedUsersPolicyType', 'AdminApprovedPreAuthorized')));
    w(`${base}/extlClntAppPolicies/${name}_plcy.ecaPlcy-meta.xml`, x('ExtlClntAppConfigurablePolicies',
      el('externalClientApplication', name) + el('isEnabled', 'true') + el('label', `${name}_plcy`)));
    files += 5;
  }
  for (let i = 0; files < total; i++) {
    const d = pkgDirs[i % 3].path;
    const n = `Filler${String(i).padStart(5, '0')}`;
    w(`${d}/main/default/classes/${n}.cls`, `public class ${n} {\n    public static Integer n() { return ${i}; }\n}\n`);
    files++;
    if (files < total) {
      w(`${d}/main/default/classes/${n}.cls-meta.xml`, x('ApexClass', el('apiVersion', '64.0') + el('status', 'Active')));
      files++;
    }
  }
  return { dir, files, apps };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? 'bench/.generated/big';
  const r = generate(dir);
  console.log(`generated ${r.files} files, ${r.apps} apps in ${dir}`);
}
