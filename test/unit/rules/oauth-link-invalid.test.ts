import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { header, oauthSettings } from '../../helpers/fixture';
import { assertAtMark, assertParses, only, P, preferred, withFixture } from '../../helpers/eca';

const ID = 'oauth-link-invalid';
const scopedHeader = (scoped: string) =>
  header(`    <distributionState>Packaged</distributionState>\n    <label>Billing</label>\n    <orgScopedExternalApp>${scoped}</orgScopedExternalApp>\n`);
const settings = (link: string) =>
  oauthSettings(`    <commaSeparatedOauthScopes>Api, RefreshToken</commaSeparatedOauthScopes>\n    <externalClientApplication>Billing</externalClientApplication>\n    <label>Billing_oauth</label>\n    <oauthLink>${link}</oauthLink>\n`);
const withoutLink = oauthSettings('    <commaSeparatedOauthScopes>Api, RefreshToken</commaSeparatedOauthScopes>\n    <externalClientApplication>Billing</externalClientApplication>\n    <label>Billing_oauth</label>\n');

test(`${ID}: malformed oauthLink: error at the value; preferred fix removes the whole line`, () => {
  for (const bad of ['00DAb0000012345', '00DAb0000012345:999Ab0000012345', '00DAb0000012345:888Ab00000123', 'xx:888Ab0000012345', '00DAb0000012345:888Ab0000012345:extra']) {
    withFixture({ [P.oauth]: settings(`⟦${bad}⟧`) }, (fx) => {
      const f = only(fx.findings(P.oauth, ID));
      assert.equal(f.severity, 'error');
      assertAtMark(fx, P.oauth, f);
      assert.match(f.message, new RegExp(`oauthLink "${bad}" is not <org id>:<consumer id>`));
      const fix = preferred(f);
      assert.equal(fix.title, 'Remove oauthLink (it is generated on deploy)');
      fx.apply(fix);
      const after = fx.read(P.oauth);
      assert.equal(after, withoutLink);
      assertParses(after);
      assert.equal(fx.findings(P.oauth, ID).length, 0);
    });
  }
});

test(`${ID}: oauthLink from another org than the app's: error, related points at orgScopedExternalApp`, () => {
  withFixture({ [P.header]: scopedHeader('00DAAAAAAAAAAAA:Billing'), [P.oauth]: settings('⟦00DBBBBBBBBBBBB:888000000000001⟧') }, (fx) => {
    const f = only(fx.findings(P.oauth, ID));
    assertAtMark(fx, P.oauth, f);
    assert.match(f.message, /oauthLink points at org 00DBBBBBBBBBBBB, but app "Billing" is scoped to org 00DAAAAAAAAAAAA/);
    assert.match(f.message, /couldn't update your OAuth link/);
    assert.match(f.message, /Remove oauthLink before deploying to another org/);
    assert.equal(f.related?.length, 1);
    const r = f.related![0]!;
    assert.equal(r.path, fx.abs(P.header));
    const h = fx.read(P.header);
    const start = h.indexOf('00DAAAAAAAAAAAA:Billing');
    const line = h.slice(0, start).split('\n').length - 1;
    const col = start - (h.lastIndexOf('\n', start - 1) + 1);
    assert.deepEqual(r.range, { start: { line, character: col }, end: { line, character: col + '00DAAAAAAAAAAAA:Billing'.length } });
    fx.apply(preferred(f));
    assert.equal(fx.read(P.oauth), withoutLink);
    assert.equal(fx.findings(P.oauth, ID).length, 0);
  });
});

test(`${ID}: org ids are compared on their first 15 characters (15 vs 18), case-sensitively`, () => {
  const same: [string, string][] = [
    ['00DAb0000012345:Billing', '00DAb0000012345XYZ:888Ab0000012345'],
    ['00DAb0000012345XYZ:Billing', '00DAb0000012345:888Ab0000012345'],
    ['00DAb0000012345EAK:Billing', '00DAb0000012345XYZ:888Ab0000012345AAA'],
  ];
  for (const [scoped, link] of same) {
    withFixture({ [P.header]: scopedHeader(scoped), [P.oauth]: settings(link) }, (fx) => assert.equal(fx.findings(P.oauth, ID).length, 0, `${scoped} / ${link}`));
  }
  // 15-character ids are case-sensitive: 00Dab… is another org than 00DAb….
  withFixture({ [P.header]: scopedHeader('00DAb0000012345:Billing'), [P.oauth]: settings('00Dab0000012345:888Ab0000012345') }, (fx) => {
    assert.match(only(fx.findings(P.oauth, ID)).message, /points at org 00Dab0000012345/);
  });
});

test(`${ID}: silent with no header, a placeholder org in the header, or no oauthLink`, () => {
  const cases: Record<string, string>[] = [
    { [P.oauth]: settings('00DAb0000012345:888Ab0000012345') },
    { [P.header]: scopedHeader('00D-XXXXXXXXXXXXXX:Billing'), [P.oauth]: settings('00DAb0000012345:888Ab0000012345') },
    { [P.header]: header('    <distributionState>Local</distributionState>\n'), [P.oauth]: settings('00DAb0000012345:888Ab0000012345') },
    { [P.header]: scopedHeader('00DAb0000012345:Billing'), [P.oauth]: withoutLink },
  ];
  for (const files of cases) withFixture(files, (fx) => assert.equal(fx.findings(P.oauth, ID).length, 0));
});

test(`${ID}: removal keeps CRLF, BOM, tabs and the comment line above it`, () => {
  const text = '\uFEFF<?xml version="1.0" encoding="UTF-8"?>\r\n<ExtlClntAppOauthSettings xmlns="http://soap.sforce.com/2006/04/metadata">\r\n\t<externalClientApplication>Billing</externalClientApplication>\r\n\t<!-- retrieved from the Dev Hub -->\r\n\t<oauthLink>00DBBBBBBBBBBBB:888000000000001</oauthLink>\r\n</ExtlClntAppOauthSettings>\r\n';
  withFixture({ [P.header]: scopedHeader('00DAAAAAAAAAAAA:Billing'), [P.oauth]: text }, (fx) => {
    fx.apply(preferred(only(fx.findings(P.oauth, ID))));
    const after = fx.read(P.oauth);
    assert.equal(after, text.replace('\t<oauthLink>00DBBBBBBBBBBBB:888000000000001</oauthLink>\r\n', ''));
    assertParses(after);
    assert.equal(fx.findings(P.oauth, ID).length, 0);
  });
});

test(`${ID}: an element sharing its line with a comment: only the element goes`, () => {
  const text = oauthSettings('  <externalClientApplication>Billing</externalClientApplication>\n  <oauthLink>bad</oauthLink> <!-- keep -->\n');
  withFixture({ [P.oauth]: text }, (fx) => {
    fx.apply(preferred(only(fx.findings(P.oauth, ID))));
    assert.equal(fx.read(P.oauth), text.replace('<oauthLink>bad</oauthLink>', ''));
  });
});

test(`${ID}: two <oauthLink> elements: one finding each; applying both removals leaves none, and a re-check finds none`, () => {
  // Found by the fuzzer: only the first was reported, so removing it revealed the second (fix-all
  // removed one more per run).
  const text = oauthSettings('    <externalClientApplication>Billing</externalClientApplication>\n    <label>Billing_oauth</label>\n    <oauthLink>bad</oauthLink>\n    <oauthLink>worse</oauthLink>\n');
  withFixture({ [P.oauth]: text }, (fx) => {
    const fs = fx.findings(P.oauth, ID);
    assert.equal(fs.length, 2);
    assert.match(fs[0]!.message, /"bad"/);
    assert.match(fs[1]!.message, /"worse"/);
    fx.apply(preferred(fs[0]!));
    const [rest, ...more] = fx.findings(P.oauth, ID);
    assert.equal(more.length, 0);
    assert.match(rest!.message, /"worse"/);
    fx.apply(preferred(rest!));
    assert.equal(fx.findings(P.oauth, ID).length, 0);
    assertParses(fx.read(P.oauth));
  });
});
