/**
 * A project in a sub-folder of its repository (a monorepo; the workspace folder is the
 * repository): the repository's `.gitignore` above the project applies to it, and an edit of that
 * file, which no project holds, re-checks the files whose rules read it.
 */
import { test } from 'node:test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { inProcess } from './client';
import { globalSettings, PACKAGED_PROJECT, scratch } from '../helpers/fixture';

const GLOBAL = 'sf/force-app/main/default/extlClntAppGlobalOauthSets/Billing_glbloauth.ecaGlblOauth-meta.xml';

test('the repository .gitignore above a project: read, and its edit re-checks the project', async () => {
  const { root: w, put, cleanup } = scratch('eca-lens-repo-');
  fs.mkdirSync(path.join(w, '.git'));
  put('.gitignore', 'node_modules/\n');
  put('sf/sfdx-project.json', PACKAGED_PROJECT);
  put(GLOBAL, globalSettings('    <externalClientApplication>Billing</externalClientApplication>\n'));
  const g = path.join(w, GLOBAL);
  const c = inProcess();
  try {
    await c.initialize([w]);
    await c.waitFor('global settings reported', () => c.codes(g).includes('global-settings-in-source'));
    // The repository's .gitignore now keeps the folder out of git.
    const cleared = c.nextDiagnostics(g, (d) => !d.some((x) => x.code === 'global-settings-in-source'));
    put('.gitignore', 'node_modules/\n**/extlClntAppGlobalOauthSets/\n');
    await c.watched([[path.join(w, '.gitignore'), 2]]);
    await cleared;
    // And back.
    const back = c.nextDiagnostics(g, (d) => d.some((x) => x.code === 'global-settings-in-source'));
    fs.rmSync(path.join(w, '.gitignore'));
    await c.watched([[path.join(w, '.gitignore'), 3]]);
    await back;
  } finally {
    c.dispose();
    cleanup();
  }
});
