import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { globalSettings, header, PLAIN_PROJECT } from '../../helpers/fixture';
import { assertAtMark, markedRoot, only, P, preferred, withFixture } from '../../helpers/eca';

const ID = 'packageable-excluded';
const HEADER_BODY = '    <contactEmail>a@b.co</contactEmail>\n    <distributionState>Packaged</distributionState>\n    <label>Billing</label>\n';
const markedHeader = markedRoot('ExternalClientApplication', HEADER_BODY);
const OAUTH_BODY = '    <commaSeparatedOauthScopes>Api</commaSeparatedOauthScopes>\n    <externalClientApplication>Billing</externalClientApplication>\n    <label>Billing</label>\n';
const GLOBAL = globalSettings('    <externalClientApplication>Billing</externalClientApplication>\n');

test(`${ID}: header excluded by a .forceignore line: warning at the root element, names the line, related points at it`, () => {
  const fi = '**/jsconfig.json\n**/externalClientApps/**\n**/.eslintrc.json\n';
  withFixture({ [P.header]: markedHeader, '.forceignore': fi }, (fx) => {
    const f = only(fx.findings(P.header, ID));
    assert.equal(f.severity, 'warning');
    assertAtMark(fx, P.header, f);
    assert.match(f.message, /Header \(ExternalClientApplication\) of app "Billing"/);
    assert.match(f.message, /line 2 of \.forceignore \("\*\*\/externalClientApps\/\*\*"\)/);
    assert.match(f.message, /package "Billing" will not ship the app/);
    assert.equal(f.related?.length, 1);
    assert.equal(f.related![0]!.path, fx.abs('.forceignore'));
    assert.deepEqual(f.related![0]!.range, { start: { line: 1, character: 0 }, end: { line: 1, character: '**/externalClientApps/**'.length } });
  });
});

test(`${ID}: the preferred fix removes the excluding line, nothing else`, () => {
  const fi = '# tooling\n**/jsconfig.json\n**/externalClientApps/**\n**/.eslintrc.json\n';
  withFixture({ [P.header]: header(HEADER_BODY), '.forceignore': fi }, (fx) => {
    const fix = preferred(only(fx.findings(P.header, ID)));
    assert.equal(fix.title, 'Remove "**/externalClientApps/**" from .forceignore');
    fx.apply(fix);
    assert.equal(fx.read('.forceignore'), '# tooling\n**/jsconfig.json\n**/.eslintrc.json\n');
    assert.equal(fx.findings(P.header, ID).length, 0);
    assert.equal(fx.project.file(fx.abs(P.header))!.included, true);
  });
});

test(`${ID}: OAuth settings excluded: the message says the package ships without them; CRLF kept, last line without newline`, () => {
  const fi = '# ECA\r\n**/jsconfig.json\r\n**/extlClntAppOauthSettings/**';
  withFixture({ [P.header]: header(HEADER_BODY), [P.oauth]: markedRoot('ExtlClntAppOauthSettings', OAUTH_BODY), '.forceignore': fi }, (fx) => {
    const f = only(fx.findings(P.oauth, ID));
    assertAtMark(fx, P.oauth, f);
    assert.match(f.message, /OAuth settings \(ExtlClntAppOauthSettings\) of app "Billing"/);
    assert.match(f.message, /will not ship the app's OAuth settings/);
    fx.apply(preferred(f));
    assert.equal(fx.read('.forceignore'), '# ECA\r\n**/jsconfig.json\r\n');
    assert.equal(fx.findings(P.oauth, ID).length, 0);
  });
});

test(`${ID}: two lines exclude the header: one fix removes both`, () => {
  const fi = '**/externalClientApps/**\n**/jsconfig.json\nforce-app/main/default/externalClientApps/**\n';
  withFixture({ [P.header]: header(HEADER_BODY), '.forceignore': fi }, (fx) => {
    const f = only(fx.findings(P.header, ID));
    assert.match(f.message, /line 3 of \.forceignore/);
    const fix = preferred(f);
    assert.equal(fix.title, 'Remove "**/externalClientApps/**", "force-app/main/default/externalClientApps/**" from .forceignore');
    fx.apply(fix);
    assert.equal(fx.read('.forceignore'), '**/jsconfig.json\n');
    assert.equal(fx.findings(P.header, ID).length, 0);
  });
});

test(`${ID}: a line that also keeps global settings out is not removed; a negation for the header's suffix is offered`, () => {
  const fi = '**/*.eca*\n';
  withFixture({ [P.header]: header(HEADER_BODY), [P.global]: GLOBAL, '.forceignore': fi }, (fx) => {
    const f = only(fx.findings(P.header, ID));
    assert.equal(f.fixes.length, 1);
    const fix = f.fixes[0]!;
    assert.ok(!fix.preferred);
    assert.equal(fix.title, 'Add "!**/*.eca-meta.xml" to .forceignore to re-include header files');
    fx.apply(fix);
    assert.equal(fx.read('.forceignore'), '**/*.eca*\n!**/*.eca-meta.xml\n');
    assert.equal(fx.findings(P.header, ID).length, 0);
    assert.equal(fx.project.file(fx.abs(P.header))!.included, true);
    // The global settings stay out.
    assert.equal(fx.project.file(fx.abs(P.global))!.included, false);
    assert.equal(fx.findings(P.global, 'non-packageable-in-package').length, 0);
  });
});

test(`${ID}: a line that excludes the parent folder cannot be undone by a negation: no fix`, () => {
  // gitignore: a file can't be re-included when a parent folder is excluded.
  withFixture({ [P.header]: header(HEADER_BODY), '.forceignore': 'force-app/main/default/**\n' }, (fx) => {
    const f = only(fx.findings(P.header, ID));
    assert.match(f.message, /line 1 of \.forceignore \("force-app\/main\/default\/\*\*"\)/);
    assert.deepEqual(f.fixes, []);
  });
});

test(`${ID}: excluded by an SDR default pattern (a dot-folder): named in the message, no related line, no fix`, () => {
  const rel = 'force-app/.archive/externalClientApps/Billing.eca-meta.xml';
  withFixture({ [rel]: header(HEADER_BODY), '.forceignore': '**/jsconfig.json\n' }, (fx) => {
    const f = only(fx.findings(rel, ID));
    assert.match(f.message, /SDR's default pattern "\*\*\/\.\*" \(\.forceignore applies it\)/);
    assert.deepEqual(f.related, []);
    assert.deepEqual(f.fixes, []);
  });
});

test(`${ID}: a .forceignore inside the package directory is the one named and edited`, () => {
  const inner = '**/externalClientApps/**\r\n';
  withFixture({ [P.header]: header(HEADER_BODY), '.forceignore': '**/jsconfig.json\n', 'force-app/.forceignore': inner }, (fx) => {
    const f = only(fx.findings(P.header, ID));
    assert.match(f.message, /line 1 of force-app\/\.forceignore/);
    fx.apply(preferred(f));
    assert.equal(fx.read('force-app/.forceignore'), '');
    assert.equal(fx.read('.forceignore'), '**/jsconfig.json\n');
    assert.equal(fx.findings(P.header, ID).length, 0);
  });
});

test(`${ID}: silent when the header ships, outside packaged directories, and for non-packageable files`, () => {
  const cases: [string, Record<string, string>][] = [
    [P.header, { [P.header]: header(HEADER_BODY), '.forceignore': '**/extlClntAppGlobalOauthSets/**\n' }],
    [P.header, { 'sfdx-project.json': PLAIN_PROJECT, [P.header]: header(HEADER_BODY), '.forceignore': '**/externalClientApps/**\n' }],
    [P.global, { [P.global]: GLOBAL, '.forceignore': '**/extlClntAppGlobalOauthSets/**\n' }],
    [P.header, { [P.header]: header(HEADER_BODY), '.forceignore': '**/externalClientApps/**\n!**/externalClientApps/**\n' }],
  ];
  for (const [rel, files] of cases) {
    withFixture(files, (fx) => {
      assert.ok(fx.project.file(fx.abs(rel)));
      assert.equal(fx.findings(rel, ID).length, 0, files['.forceignore']);
    });
  }
});

test(`${ID}: removal keeps a UTF-8 BOM and the other lines byte for byte`, () => {
  const fi = '\uFEFF# keep: comment on the first line\n**/externalClientApps/**\n\t**/jsconfig.json   \n';
  withFixture({ [P.header]: header(HEADER_BODY), '.forceignore': fi }, (fx) => {
    fx.apply(preferred(only(fx.findings(P.header, ID))));
    assert.equal(fx.read('.forceignore'), '\uFEFF# keep: comment on the first line\n\t**/jsconfig.json   \n');
    assert.equal(fx.findings(P.header, ID).length, 0);
  });
});
