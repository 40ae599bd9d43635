/**
 * The language server's keystroke path updates the project one path at a time
 * (`EcaProject.update`) and keeps findings cached. That must give exactly what a cold index gives:
 * after every edit of a sequence (.forceignore lines added, removed, changed, negated, moved; ECA
 * files edited, created, deleted), the inventory and every finding equal those of a fresh project.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EcaProject } from '../../server/src/engine';
import { nodeFsHost, OverlayFsHost } from '../../server/src/project/fsHost';
import { fixture, header, oauthSettings, globalSettings, oauthPolicies, pluginPolicies } from '../helpers/fixture';
import { D } from './projects';

function snapshot(p: EcaProject) {
  const files = [...p.files()]
    .map((f) => ({ rel: f.rel, app: f.appName, included: f.included, line: f.exclusion?.info.line?.line, text: f.exclusion?.info.line?.text, def: f.exclusion?.info.defaultPattern }))
    .sort((a, b) => (a.rel < b.rel ? -1 : 1));
  const findings = [...p.checkAll()].map(([k, list]) => [
    path.relative(p.root, k),
    list.map((f) => ({ id: f.ruleId, msg: f.message, range: f.range, related: f.related, fixes: f.fixes.map((x) => ({ t: x.title, e: x.edits.map((e) => [path.relative(p.root, e.path), e.start, e.end, e.range, e.newText]), o: x.fileOps })) })),
  ]);
  return { files, findings };
}

/** A small deterministic random generator (mulberry32). */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PATTERNS = [
  '**/extlClntAppGlobalOauthSets/**',
  '**/extlClntAppOauthPolicies/**',
  '**/extlClntAppPolicies/**',
  'extlClntAppPolicies',
  'force-app/main/default/extlClntAppPolicies/',
  '**/*.ecaGlblOauth-meta.xml',
  '**/*.ecaGlblOauth',
  '**/extlClntAppGlobalOauthSettings/**',
  '!**/extlClntAppPolicies/A1_plcy.ecaPlcy-meta.xml',
  '!**/extlClntAppGlobalOauthSets/A2_glbloauth.ecaGlblOauth-meta.xml',
  '**/externalClientApps/A3.eca-meta.xml',
  '**/extlClntAppOauthSettings/**',
  '**/other/**',
  '# a comment',
  '',
  'force-app/main/default/extlClntAppOauthPolicies/**',
];

test('incremental updates give what a cold index gives, edit after edit', () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 5; i++) {
    const n = `A${i}`;
    files[`${D}/externalClientApps/${n}.eca-meta.xml`] = header(`    <distributionState>${i % 2 ? 'Packaged' : 'Local'}</distributionState>\n`);
    files[`${D}/extlClntAppOauthSettings/${n}_oauth.ecaOauth-meta.xml`] = oauthSettings(`    <externalClientApplication>${n}</externalClientApplication>\n`);
    files[`${D}/extlClntAppGlobalOauthSets/${n}_glbloauth.ecaGlblOauth-meta.xml`] = globalSettings(`    <consumerKey>k${i}</consumerKey>\n    <externalClientApplication>${n}</externalClientApplication>\n`);
    files[`${D}/extlClntAppOauthPolicies/${n}_oauthPlcy.ecaOauthPlcy-meta.xml`] = oauthPolicies(`    <externalClientApplication>${n}</externalClientApplication>\n`);
    files[`${D}/extlClntAppPolicies/${n}_plcy.ecaPlcy-meta.xml`] = pluginPolicies(`    <externalClientApplication>${n}</externalClientApplication>\n`);
  }
  files['.forceignore'] = '# start\n**/extlClntAppOauthPolicies/**\n';
  const fx = fixture(files);
  try {
    const host = new OverlayFsHost(nodeFsHost);
    const live = new EcaProject(fx.root, host);
    live.load();
    live.checkAll();
    const fiPath = fx.abs('.forceignore');
    const lines = ['# start', '**/extlClntAppOauthPolicies/**'];
    const rand = rng(7);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
    for (let step = 0; step < 80; step++) {
      const op = rand();
      let what: string;
      if (op < 0.55) {
        // Edit the .forceignore buffer: add, remove, or change a line.
        const k = rand();
        const at = Math.floor(rand() * (lines.length + 1));
        if (k < 0.4 || lines.length === 0) lines.splice(at, 0, pick(PATTERNS));
        else if (k < 0.7) lines.splice(Math.min(at, lines.length - 1), 1);
        else lines[Math.min(at, lines.length - 1)] = pick(PATTERNS);
        host.set(fiPath, lines.join('\n') + (rand() < 0.8 ? '\n' : ''));
        live.update(fiPath);
        what = `.forceignore → ${JSON.stringify(lines)}`;
      } else {
        // Edit, create or delete an ECA file (as an open buffer).
        const n = `A${Math.floor(rand() * 6)}`;
        const rel = pick([
          `${D}/externalClientApps/${n}.eca-meta.xml`,
          `${D}/extlClntAppGlobalOauthSets/${n}_glbloauth.ecaGlblOauth-meta.xml`,
          `${D}/extlClntAppPolicies/${n}_plcy.ecaPlcy-meta.xml`,
        ]);
        const abs = fx.abs(rel);
        const k = rand();
        const text = rel.includes('externalClientApps')
          ? header(`    <distributionState>${rand() < 0.5 ? 'Packaged' : 'Local'}</distributionState>\n`)
          : rel.includes('Global')
            ? globalSettings(`    <externalClientApplication>${pick(['A0', 'A1', 'Nope'])}</externalClientApplication>\n`)
            : pluginPolicies(`    <externalClientApplication>${n}</externalClientApplication>\n`);
        if (!fs.existsSync(abs)) {
          fs.writeFileSync(abs, text); // created on disk
          what = `${rel} created`;
        } else if (k < 0.15) {
          fs.rmSync(abs); // deleted (and its buffer closed)
          host.set(abs, undefined);
          what = `${rel} deleted`;
        } else if (k < 0.3) {
          host.set(abs, undefined); // buffer closed: back to the disk
          what = `${rel} closed`;
        } else {
          host.set(abs, text); // unsaved buffer
          what = `${rel} edited`;
        }
        live.update(abs);
      }
      const cold = new EcaProject(fx.root, host);
      cold.load();
      assert.deepEqual(snapshot(live), snapshot(cold), `step ${step}: ${what}`);
    }
  } finally {
    fx.cleanup();
  }
});
