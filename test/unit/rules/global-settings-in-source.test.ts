import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { globalSettings, PACKAGED_PROJECT } from '../../helpers/fixture';
import { applyFixes } from '../../../server/src/edits/applyFixes';
import { nodeFsHost } from '../../../server/src/project/fsHost';
import { openProject } from '../../../server/src/engine';
import { fixTitled, only, P, preferred, withFixture } from '../../helpers/eca';
import { hasLazyFixes } from '../../../server/src/engine/finding';

const ID = 'global-settings-in-source';
const G = globalSettings('    <externalClientApplication>Billing</externalClientApplication>\n');

test(`${ID}: reported at the root tag; safe fix appends the folder pattern to .gitignore byte for byte; re-check clean`, () => {
  withFixture({ [P.global]: G, '.gitignore': 'node_modules/\r\n.sf/' }, (fx) => {
    const f = only(fx.findings(P.global, ID));
    assert.equal(f.severity, 'warning');
    assert.deepEqual(f.range.start, { line: 1, character: 1 });
    assert.match(f.message, /must not be added to source control/);
    const fix = preferred(f);
    assert.equal(fix.kind, 'safe');
    fx.apply(fix);
    assert.equal(fx.read('.gitignore'), 'node_modules/\r\n.sf/\r\n**/extlClntAppGlobalOauthSets/\r\n');
    assert.equal(fx.findings(P.global, ID).length, 0);
    assert.equal(fx.findings(P.global, 'secret-in-source').length, 0);
  });
});

test(`${ID}: creates .gitignore when absent; delete is a suggestion; a file outside the type folder gets its own path`, () => {
  withFixture({ [P.global]: G }, (fx) => {
    const f = only(fx.findings(P.global, ID));
    assert.equal(fixTitled(f, /Delete/).kind, 'suggestion');
    fx.apply(preferred(f));
    assert.equal(fx.read('.gitignore'), '# External Client App global OAuth settings must not be in source control\n**/extlClntAppGlobalOauthSets/\n');
    assert.equal(fx.findings(P.global, ID).length, 0);
  });
  const odd = 'force-app/main/default/other/Billing_glbloauth.ecaGlblOauth-meta.xml';
  withFixture({ [odd]: G, '.gitignore': '' }, (fx) => {
    fx.apply(preferred(only(fx.findings(odd, ID))));
    assert.equal(fx.read('.gitignore'), `/${odd}\n`);
    assert.equal(fx.findings(odd, ID).length, 0);
  });
});

test(`${ID}: not reported when git ignores it (nested .gitignore, suffix pattern); a negation brings it back`, () => {
  withFixture({ [P.global]: G, 'force-app/.gitignore': '*.ecaGlblOauth-meta.xml\n' }, (fx) => assert.equal(fx.findings(P.global, ID).length, 0));
  withFixture({ [P.global]: G, '.gitignore': '*.ecaGlblOauth-meta.xml\n', 'force-app/.gitignore': '!Billing_glbloauth.ecaGlblOauth-meta.xml\n' }, (fx) => assert.equal(fx.findings(P.global, ID).length, 1));
  withFixture({ [P.oauthPolicy]: '<x/>' }, (fx) => assert.equal(fx.findings(P.oauthPolicy, ID).length, 0));
});

test(`${ID}: editing .gitignore re-checks the global settings (model update)`, () => {
  withFixture({ [P.global]: G, '.gitignore': 'node_modules/\n' }, (fx) => {
    assert.equal(fx.findings(P.global, ID).length, 1);
    fs.writeFileSync(fx.abs('.gitignore'), 'node_modules/\n**/extlClntAppGlobalOauthSets/\n');
    const r = fx.project.update(fx.abs('.gitignore'));
    assert.ok(r.affected.has(fx.abs(P.global)));
    assert.equal(fx.project.check(fx.abs(P.global)).filter((x) => x.ruleId === ID).length, 0);
    fs.rmSync(fx.abs('.gitignore'));
    assert.ok(fx.project.update(fx.abs('.gitignore')).affected.has(fx.abs(P.global)));
    assert.equal(fx.project.check(fx.abs(P.global)).filter((x) => x.ruleId === ID).length, 1);
  });
});

test(`${ID}: the fixes are built when asked for, from the .gitignore as it is then`, () => {
  withFixture({ [P.global]: G, '.gitignore': 'node_modules/\n' }, (fx) => {
    const f = only(fx.findings(P.global, ID));
    assert.ok(hasLazyFixes(f), 'lazy');
    assert.equal(preferred(f).title, 'Add "**/extlClntAppGlobalOauthSets/" to .gitignore');
    // The .gitignore gains a line (the finding is re-checked: the rule read the file); the fix
    // asked for now appends after it.
    fs.writeFileSync(fx.abs('.gitignore'), 'node_modules/\n.sf/\n');
    fx.project.update(fx.abs('.gitignore'));
    fx.apply(preferred(only(fx.findings(P.global, ID))));
    assert.equal(fx.read('.gitignore'), 'node_modules/\n.sf/\n**/extlClntAppGlobalOauthSets/\n');
  });
});

test(`${ID}: a project in a sub-folder of its repository: the .gitignore files above it and .git/info/exclude apply; the fix goes to the repository's .gitignore`, () => {
  // The repository at the fixture's root (its .git folder), the project in sf/ (a monorepo).
  const inSub = { '.git/info': null, 'sf/sfdx-project.json': PACKAGED_PROJECT, [`sf/${P.global}`]: G };
  const findings = (root: string) => openProject(path.join(root, 'sf'), nodeFsHost).check(path.join(root, 'sf', P.global)).filter((x) => x.ruleId === ID);
  withFixture({ ...inSub, '.gitignore': 'node_modules/\n**/extlClntAppGlobalOauthSets/\n' }, (fx) => assert.equal(findings(fx.root).length, 0));
  withFixture({ ...inSub, '.git/info/exclude': `sf/${path.posix.dirname(P.global)}/\n` }, (fx) => assert.equal(findings(fx.root).length, 0));
  // Outside the repository's tree, or below the project root's parent only: not these.
  withFixture({ ...inSub, 'other/.gitignore': '**/extlClntAppGlobalOauthSets/\n' }, (fx) => assert.equal(findings(fx.root).length, 1));
  withFixture({ ...inSub, '.gitignore': 'node_modules/\n' }, (fx) => {
    const f = only(findings(fx.root));
    const fix = preferred(f);
    // Named by its absolute path: it is outside the project.
    assert.equal(fix.title, `Add "**/extlClntAppGlobalOauthSets/" to ${fx.abs('.gitignore')}`);
    assert.ok(applyFixes(nodeFsHost, [fix]).applied.length);
    assert.equal(fx.read('.gitignore'), 'node_modules/\n**/extlClntAppGlobalOauthSets/\n');
    assert.equal(findings(fx.root).length, 0);
    // The model re-checks on an edit of the repository's .gitignore (a file outside the project).
    const project = openProject(path.join(fx.root, 'sf'), nodeFsHost);
    const g = path.join(fx.root, 'sf', P.global);
    assert.equal(project.check(g).filter((x) => x.ruleId === ID).length, 0);
    fs.writeFileSync(fx.abs('.gitignore'), 'node_modules/\n');
    assert.ok(project.hasReaders(fx.abs('.gitignore')));
    assert.ok(project.update(fx.abs('.gitignore')).affected.has(g));
    assert.equal(project.check(g).filter((x) => x.ruleId === ID).length, 1);
  });
});
