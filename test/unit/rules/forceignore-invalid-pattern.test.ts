import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { offsetsOf, type Fixture } from '../../helpers/fixture';
import { P as PATHS, BILLING_APP_FILES, withFixture, markedSpan as marked } from '../../helpers/eca';

const ID = 'forceignore-invalid-pattern';
const FI = '.forceignore';
const { policy: PL } = PATHS;

const with_ = (files: Record<string, string>, body: (fx: Fixture) => void): void => withFixture({ ...BILLING_APP_FILES, ...files }, body);

test(`${ID}: a line the "ignore" library throws on is an error at the line; the engine does not crash and the other lines still apply`, () => {
  with_({ [FI]: `# ECA\n⟦[a-*.ecaPlcy-meta.xml⟧\n**/extlClntAppPolicies/**\n` }, (fx) => {
    const [f, ...rest] = fx.findings(FI, ID);
    assert.ok(f);
    assert.equal(rest.length, 0);
    assert.equal(f.severity, 'error');
    assert.deepEqual(offsetsOf(f, fx.read(FI)), marked(fx, FI));
    assert.match(f.message, /makes the sf CLI fail/);
    assert.match(f.message, /Range out of order/);
    assert.deepEqual(f.fixes, []);
    assert.equal(fx.project.file(fx.abs(PL))!.included, false, 'the valid line after it still excludes');
  });
});

test(`${ID}: with lone CRs the CLI sees one line, so the whole run is reported`, () => {
  with_({ [FI]: `⟦[a-\r**/extlClntAppGlobalOauthSets/**\r\\#hash⟧\n` }, (fx) => {
    const [f] = fx.findings(FI, ID);
    assert.ok(f);
    assert.deepEqual(offsetsOf(f, fx.read(FI)), marked(fx, FI));
  });
});

test(`${ID}: a line over 1,024 characters is a warning and is not evaluated`, () => {
  const long = '**/'.repeat(400);
  with_({ [FI]: `${long}\n**/extlClntAppPolicies/**\n` }, (fx) => {
    const [f] = fx.findings(FI, ID);
    assert.ok(f);
    assert.equal(f.severity, 'warning');
    assert.match(f.message, /over 1024 characters/);
    assert.equal(fx.project.file(fx.abs(PL))!.included, false);
  });
});

test(`${ID}: valid lines are not reported`, () => {
  with_({ [FI]: `[a-z]*.ecaPlcy-meta.xml\n**/extlClntAppPolicies/**\n# [z-a] in a comment\n` }, (fx) => {
    assert.deepEqual(fx.findings(FI, ID), []);
  });
});
