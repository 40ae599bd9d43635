import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { header, PLAIN_PROJECT } from '../../helpers/fixture';
import { applyOffsetEdits } from '../../../server/src/edits/textEdits';
import { textFromString } from '../../../server/src/util/text';
import { assertAtMark, assertParses, fakeHome, markedRoot, noDevHub, only, P, preferred, withFixture } from '../../helpers/eca';

const ID = 'org-scoped-app-missing';
const BODY = '    <contactEmail>a@b.co</contactEmail>\n    <distributionState>Packaged</distributionState>\n    <isProtected>false</isProtected>\n    <label>Billing</label>\n';
/** Where orgScopedExternalApp goes: after label (alphabetical, as the Metadata API writes it). */
const withScoped = (value: string) => header(BODY + `    <orgScopedExternalApp>${value}</orgScopedExternalApp>\n`);

test(`${ID}: Packaged header without orgScopedExternalApp: error at the root element`, () => {
  const nd = noDevHub();
  try {
    withFixture({ [P.header]: markedRoot('ExternalClientApplication', BODY) }, (fx) => {
      const f = only(fx.findings(P.header, ID));
      assert.equal(f.severity, 'error');
      assertAtMark(fx, P.header, f);
      assert.match(f.message, /Packaged app "Billing" has no orgScopedExternalApp/);
      assert.match(f.message, /Dev Hub/);
      assert.match(f.message, /<orgScopedExternalApp>00D…:Billing<\/orgScopedExternalApp>/);
    }, nd.options);
  } finally {
    nd.cleanup();
  }
});

test(`${ID}: with the devHubOrgId option (18 characters): preferred fix inserts the 15-character id after <label>`, () => {
  withFixture({ [P.header]: header(BODY) }, (fx) => {
    const f = only(fx.findings(P.header, ID));
    assert.doesNotMatch(f.message, /not found offline/);
    const fix = preferred(f);
    assert.ok(!fix.snippet);
    assert.equal(fix.needs, undefined);
    assert.match(fix.title, /Insert orgScopedExternalApp 00DAb0000012345:Billing/);
    assert.match(fix.title, /ecaLens\.devHubOrgId/);
    fx.apply(fix);
    const after = fx.read(P.header);
    assert.equal(after, withScoped('00DAb0000012345:Billing'));
    assertParses(after);
    assert.equal(fx.findings(P.header, ID).length, 0);
    assert.equal(fx.findings(P.header, 'org-scoped-app-invalid').length, 0);
  }, { devHubOrgId: '00DAb0000012345XYZ' });
});

test(`${ID}: offline Dev Hub lookup (target-dev-hub alias → username → auth file), no token anywhere`, () => {
  const tokens = ['00D!AQEAQsecretAccessToken', '5Aep861secretRefreshToken', 'clientSecretValue'];
  const home = fakeHome({
    '.sf/config.json': JSON.stringify({ 'target-dev-hub': 'hub' }),
    '.sfdx/alias.json': JSON.stringify({ orgs: { hub: 'admin@acme.dev' } }),
    '.sfdx/admin@acme.dev.json': JSON.stringify({ accessToken: tokens[0], refreshToken: tokens[1], clientSecret: tokens[2], orgId: '00DHu0000000001AAA', username: 'admin@acme.dev', isDevHub: true }),
  });
  try {
    withFixture({ [P.header]: header(BODY) }, (fx) => {
      const f = only(fx.findings(P.header, ID));
      const fix = preferred(f);
      assert.match(fix.title, /Insert orgScopedExternalApp 00DHu0000000001:Billing/);
      assert.match(fix.title, /target-dev-hub hub/);
      const everything = JSON.stringify(fx.project.checkAll(), (_k, v: unknown) => (v instanceof Map ? [...v] : v));
      for (const t of tokens) assert.ok(!everything.includes(t), `token leaked: ${t}`);
      fx.apply(fix);
      assert.equal(fx.read(P.header), withScoped('00DHu0000000001:Billing'));
      assert.equal(fx.findings(P.header, ID).length, 0);
    }, { devHubEnv: { env: {}, home: home.home } });
  } finally {
    home.cleanup();
  }
});

test(`${ID}: the devHubOrgId option wins over the offline lookup`, () => {
  const home = fakeHome({
    '.sf/config.json': JSON.stringify({ 'target-dev-hub': 'admin@acme.dev' }),
    '.sfdx/admin@acme.dev.json': JSON.stringify({ orgId: '00DHu0000000001AAA' }),
  });
  try {
    withFixture({ [P.header]: header(BODY) }, (fx) => {
      assert.match(preferred(only(fx.findings(P.header, ID))).title, /00DSet000000001:Billing/);
    }, { devHubOrgId: '00DSet000000001', devHubEnv: { env: {}, home: home.home } });
  } finally {
    home.cleanup();
  }
});

test(`${ID}: without a Dev Hub org id: a snippet fix with a placeholder, not preferred, needs devHubOrgId`, () => {
  const nd = noDevHub();
  try {
    withFixture({ [P.header]: header(BODY) }, (fx) => {
      const f = only(fx.findings(P.header, ID));
      assert.match(f.message, /The Dev Hub org id was not found offline \(no target-dev-hub is set/);
      assert.equal(f.fixes.length, 1);
      const fix = f.fixes[0]!;
      assert.equal(fix.snippet, true);
      assert.ok(!fix.preferred);
      assert.equal(fix.needs, 'devHubOrgId');
      assert.equal(fix.edits.length, 1);
      const e = fix.edits[0]!;
      assert.equal(e.newText, '\n    <orgScopedExternalApp>${1:00DXXXXXXXXXXXX}:Billing</orgScopedExternalApp>');
      const text = fx.read(P.header);
      assert.equal(e.start, text.indexOf('</label>') + '</label>'.length);
      // --fix never applies a snippet.
      assert.throws(() => fx.apply(fix), /was not applied/);
      assert.equal(fx.read(P.header), text);
      // An editor fills the placeholder in: the result is the element with the org id.
      const filled = applyOffsetEdits(text, [{ ...e, newText: e.newText.replace('${1:00DXXXXXXXXXXXX}', '00DAb0000012345') }]);
      assert.equal(filled, withScoped('00DAb0000012345:Billing'));
      fs.writeFileSync(fx.abs(P.header), filled);
      fx.check();
      assert.equal(fx.findings(P.header, ID).length, 0);
    }, nd.options);
  } finally {
    nd.cleanup();
  }
});

test(`${ID}: a devHubOrgId setting that is no org id is reported and gives the snippet`, () => {
  withFixture({ [P.header]: header(BODY) }, (fx) => {
    const f = only(fx.findings(P.header, ID));
    assert.match(f.message, /ecaLens\.devHubOrgId setting "00D-XXXX" is not an org id/);
    assert.equal(f.fixes[0]!.snippet, true);
  }, { devHubOrgId: '00D-XXXX' });
});

test(`${ID}: CRLF, BOM, tabs and a comment are kept around the inserted line`, () => {
  const text = '\uFEFF<?xml version="1.0" encoding="UTF-8"?>\r\n<ExternalClientApplication xmlns="http://soap.sforce.com/2006/04/metadata">\r\n\t<contactEmail>a@b.co</contactEmail>\r\n\t<distributionState>Packaged</distributionState>\r\n\t<label>Billing</label> <!-- shown in Setup -->\r\n\t<!-- end -->\r\n</ExternalClientApplication>\r\n';
  withFixture({ [P.header]: text }, (fx) => {
    fx.apply(preferred(only(fx.findings(P.header, ID))));
    const after = fx.read(P.header);
    assert.equal(after, text.replace('<!-- shown in Setup -->\r\n', '<!-- shown in Setup -->\r\n\t<orgScopedExternalApp>00DAb0000012345:Billing</orgScopedExternalApp>\r\n'));
    assertParses(after);
    assert.equal(textFromString(after).bom, true);
    assert.equal(fx.findings(P.header, ID).length, 0);
  }, { devHubOrgId: '00DAb0000012345' });
});

test(`${ID}: 2-space indentation and no label: inserted last, before the closing tag's line`, () => {
  const text = header('  <contactEmail>a@b.co</contactEmail>\n  <distributionState>Packaged</distributionState>\n');
  withFixture({ [P.header]: text }, (fx) => {
    fx.apply(preferred(only(fx.findings(P.header, ID))));
    assert.equal(fx.read(P.header), text.replace('</distributionState>\n', '</distributionState>\n  <orgScopedExternalApp>00DAb0000012345:Billing</orgScopedExternalApp>\n'));
  }, { devHubOrgId: '00DAb0000012345' });
});

test(`${ID}: silent for Local apps, for no distributionState, when present, and in any directory`, () => {
  const cases: Record<string, string>[] = [
    { [P.header]: header('    <distributionState>Local</distributionState>\n') },
    { [P.header]: header('    <label>Billing</label>\n') },
    { [P.header]: withScoped('00DAb0000012345:Billing') },
    { [P.header]: withScoped('00D-XXXXXXXXXXXXXX:Billing') },
  ];
  for (const files of cases) withFixture(files, (fx) => assert.equal(fx.findings(P.header, ID).length, 0), { devHubOrgId: '00DAb0000012345' });
  // A Packaged header needs the element wherever it is (packaged directory or not).
  withFixture({ 'sfdx-project.json': PLAIN_PROJECT, [P.header]: header(BODY) }, (fx) => assert.equal(fx.findings(P.header, ID).length, 1), { devHubOrgId: '00DAb0000012345' });
});
