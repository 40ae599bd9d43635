import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { header, oauthPolicies, oauthSettings } from '../../helpers/fixture';
import { withFixture } from '../../helpers/eca';

const ID = 'unrecognized-file-name';
const DIR = 'force-app/main/default';
const HEADER = header('    <contactEmail>a@b.co</contactEmail>\n    <distributionState>Packaged</distributionState>\n    <label>Billing</label>\n');
const OAUTH = oauthSettings('    <commaSeparatedOauthScopes>Api, RefreshToken</commaSeparatedOauthScopes>\n    <externalClientApplication>Billing</externalClientApplication>\n');
const ZERO = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

const with_ = withFixture;

/** Flagged, renamed by the fix, then recognised, included and clean; the bytes are unchanged. */
function renames(from: string, to: string, text: string, typeName: string, words: RegExp): void {
  with_({ [from]: text }, (fx) => {
    const before = fx.project.file(fx.abs(from));
    assert.ok(before, 'the file is in the inventory');
    assert.equal(before.type, undefined);
    assert.equal(before.included, false, 'the sf CLI never ships it');
    const [f, ...rest] = fx.findings(from, ID);
    assert.ok(f);
    assert.equal(rest.length, 0);
    assert.equal(f.severity, 'warning');
    assert.deepEqual(f.range, ZERO);
    assert.match(f.message, words);
    const name = to.slice(to.lastIndexOf('/') + 1);
    assert.ok(f.message.includes(`Did you mean "${name}"?`), f.message);
    assert.equal(f.fixes.length, 1);
    const fix = f.fixes[0]!;
    assert.equal(fix.preferred, true);
    assert.equal(fix.title, `Rename to ${name}`);
    assert.deepEqual(fix.edits, []);
    fx.apply(fix);
    assert.equal(fx.project.file(fx.abs(from)), undefined, 'the old name is gone');
    const after = fx.project.file(fx.abs(to));
    assert.ok(after, 'the new name is indexed');
    assert.equal(after.nameInfo.kind, 'recognized');
    assert.equal(after.type?.name, typeName);
    assert.equal(after.included, true);
    assert.equal(fx.read(to), text, 'the content is untouched');
    assert.deepEqual(fx.findings(to, ID), []);
  });
}

test(`${ID}: X.eca.xml is silently dropped by the sf CLI; rename to X.eca-meta.xml`, () => {
  renames(`${DIR}/externalClientApps/Billing.eca.xml`, `${DIR}/externalClientApps/Billing.eca-meta.xml`, HEADER, 'ExternalClientApplication', /silently skips it/);
});

test(`${ID}: X.ecaOAuth-meta.xml has the suffix in the wrong case; rename to X.ecaOauth-meta.xml`, () => {
  renames(`${DIR}/extlClntAppOauthSettings/Billing_oauth.ecaOAuth-meta.xml`, `${DIR}/extlClntAppOauthSettings/Billing_oauth.ecaOauth-meta.xml`, OAUTH, 'ExtlClntAppOauthSettings', /wrong case.*Could not infer a metadata type/);
});

test(`${ID}: a typo of a suffix (ecaOauthPolicy) suggests the one it is close to`, () => {
  const text = oauthPolicies('    <externalClientApplication>Billing</externalClientApplication>\n');
  renames(`${DIR}/extlClntAppOauthPolicies/Billing_oauthPlcy.ecaOauthPolicy-meta.xml`, `${DIR}/extlClntAppOauthPolicies/Billing_oauthPlcy.ecaOauthPlcy-meta.xml`, text, 'ExtlClntAppOauthConfigurablePolicies', /"\.ecaOauthPolicy" is no metadata suffix/);
});

test(`${ID}: an unknown X.ecaFoo-meta.xml is flagged with no rename (no suffix is a clear match)`, () => {
  const F = `${DIR}/externalClientApps/Billing.ecaFoo-meta.xml`;
  with_({ [F]: HEADER }, (fx) => {
    const [f, ...rest] = fx.findings(F, ID);
    assert.ok(f);
    assert.equal(rest.length, 0);
    assert.equal(f.severity, 'warning');
    assert.deepEqual(f.range, ZERO);
    assert.match(f.message, /"Billing\.ecaFoo-meta\.xml": "\.ecaFoo" is no metadata suffix the sf CLI knows; it fails with "Could not infer a metadata type"\.$/);
    assert.deepEqual(f.fixes, []);
    assert.equal(fx.project.file(fx.abs(F))!.included, false);
  });
});

test(`${ID}: no rename when the right name is already taken`, () => {
  const wrong = `${DIR}/externalClientApps/Billing.eca.xml`;
  const right = `${DIR}/externalClientApps/Billing.eca-meta.xml`;
  with_({ [wrong]: HEADER, [right]: HEADER }, (fx) => {
    const [f] = fx.findings(wrong, ID);
    assert.ok(f);
    assert.deepEqual(f.fixes, []);
    assert.match(f.message, /already exists/);
    assert.ok(f.message.includes(right), f.message);
  });
});

test(`${ID}: silent on right names, metadata-format names and files of other types`, () => {
  const files = {
    [`${DIR}/externalClientApps/Billing.eca-meta.xml`]: HEADER,
    [`${DIR}/extlClntAppOauthSettings/Billing_oauth.ecaOauth-meta.xml`]: OAUTH,
    [`${DIR}/externalClientApps/Legacy.eca`]: HEADER.replace('Billing', 'Legacy'),
    [`${DIR}/classes/Eca.cls-meta.xml`]: '<?xml version="1.0" encoding="UTF-8"?>\n<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata"><apiVersion>64.0</apiVersion></ApexClass>\n',
    [`${DIR}/staticresources/ecaLogo.resource-meta.xml`]: '<StaticResource/>\n',
    'manifest/package.xml': '<Package/>\n',
  };
  with_(files, (fx) => {
    assert.deepEqual([...fx.project.files()].map((f) => f.rel).sort(), [
      `${DIR}/externalClientApps/Billing.eca-meta.xml`,
      `${DIR}/externalClientApps/Legacy.eca`,
      `${DIR}/extlClntAppOauthSettings/Billing_oauth.ecaOauth-meta.xml`,
    ]);
    for (const f of fx.project.files()) assert.deepEqual(fx.findings(f.rel, ID), [], f.rel);
    assert.equal(fx.check().has(fx.abs('manifest/package.xml')), false);
  });
});
