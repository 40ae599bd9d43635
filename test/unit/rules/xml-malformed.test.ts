import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { globalSettings, header, offsetsOf } from '../../helpers/fixture';
import { withFixture } from '../../helpers/eca';

const ID = 'xml-malformed';
const H = 'force-app/main/default/externalClientApps/Billing.eca-meta.xml';
const G = 'force-app/main/default/extlClntAppGlobalOauthSets/Billing_glbloauth.ecaGlblOauth-meta.xml';
const ROOT_OPEN = '<ExternalClientApplication xmlns="http://soap.sforce.com/2006/04/metadata">';

const with_ = withFixture;

const pos = (line: number, character: number) => ({ line, character });

test(`${ID}: a mismatched closing tag is reported at its "<" (line 3, character 18, 0-based)`, () => {
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${ROOT_OPEN}\n    <contactEmail>a@b.co</contactEmail>\n    <label>Billing⟦<⟧/labl>\n</ExternalClientApplication>\n`;
  with_({ [H]: text }, (fx) => {
    const [f, ...rest] = fx.findings(H, ID);
    assert.ok(f);
    assert.equal(rest.length, 0);
    assert.equal(f.severity, 'error');
    assert.deepEqual(f.range, { start: pos(3, 18), end: pos(3, 19) });
    assert.deepEqual(offsetsOf(f, fx.read(H)), fx.marks[H]);
    assert.match(f.message, /^Malformed XML: /);
    assert.match(f.message, /closing tag 'label'/);
    assert.deepEqual(f.fixes, []);
  });
});

test(`${ID}: positions count lines the same with CRLF and a BOM`, () => {
  const text = `\uFEFF<?xml version="1.0" encoding="UTF-8"?>\r\n${ROOT_OPEN}\r\n    <contactEmail>a@b.co</contactEmail>\r\n    <label>Billing</labl>\r\n</ExternalClientApplication>\r\n`;
  with_({ [H]: text }, (fx) => {
    const [f] = fx.findings(H, ID);
    assert.ok(f);
    assert.deepEqual(f.range, { start: pos(3, 18), end: pos(3, 19) });
  });
});

test(`${ID}: an unescaped "&" is reported at the "&"`, () => {
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${ROOT_OPEN}\n    <description>R&D apps</description>\n</ExternalClientApplication>\n`;
  with_({ [H]: text }, (fx) => {
    const [f] = fx.findings(H, ID);
    assert.ok(f);
    // "    <description>R" is 18 characters: the "&" is character 18 of line 2.
    assert.deepEqual(f.range, { start: pos(2, 18), end: pos(2, 19) });
    assert.match(f.message, /'&'/);
  });
});

test(`${ID}: an empty file is reported at its start`, () => {
  with_({ [H]: '' }, (fx) => {
    const [f] = fx.findings(H, ID);
    assert.ok(f);
    assert.deepEqual(f.range, { start: pos(0, 0), end: pos(0, 0) });
    assert.match(f.message, /empty/);
  });
});

test(`${ID}: the rest of the project is still checked`, () => {
  const M2 = 'force-app/main/default/extlClntAppPolicies/Billing_plcy.ecaPlcy-meta.xml';
  const files = {
    [H]: `${ROOT_OPEN}\n<label>Billing</label>\n`, // unclosed root
    [M2]: '<ExtlClntAppConfigurablePolicies>\n  <isEnabled>true</isEnabled\n</ExtlClntAppConfigurablePolicies>\n',
    [G]: globalSettings('    <externalClientApplication>Billing</externalClientApplication>\n'),
    'force-app/main/default/externalClientApps/Other.eca.xml': header('    <label>Other</label>\n'),
    '.forceignore': '*.ecaGlblOauth\n',
  };
  with_(files, (fx) => {
    const all = fx.check();
    assert.equal(all.get(fx.abs(H))?.filter((f) => f.ruleId === ID).length, 1);
    assert.equal(all.get(fx.abs(M2))?.filter((f) => f.ruleId === ID).length, 1);
    const g = fx.project.file(fx.abs(G));
    assert.ok(g?.xml?.root, 'the good file is parsed');
    assert.equal(g.appName, 'Billing');
    assert.deepEqual(fx.findings(G, ID), []);
    assert.equal(fx.findings('force-app/main/default/externalClientApps/Other.eca.xml', 'unrecognized-file-name').length, 1);
    assert.equal(fx.findings('.forceignore', 'forceignore-suffix-pattern').length, 1);
  });
});

test(`${ID}: silent on well-formed files and on files it can't read`, () => {
  const bin = new Uint8Array([0x3c, 0x61, 0x3e, 0x00, 0x01, 0x3c, 0x2f, 0x61, 0x3e]);
  const B = 'force-app/main/default/externalClientApps/Bin.eca-meta.xml';
  with_({ [H]: header('    <label>Billing</label>\n    <!-- a <comment> & more -->\n    <description><![CDATA[R&D <b>]]></description>\n'), [B]: bin }, (fx) => {
    assert.deepEqual(fx.findings(H, ID), []);
    assert.deepEqual(fx.findings(B, ID), []);
    assert.equal(fx.findings(B, 'file-unreadable').length, 1);
  });
});

test(`${ID}: "<!" in content that starts no comment or CDATA is malformed (fast-xml-parser would make it an element that swallows the siblings)`, () => {
  // Found by the fuzzer: the siblings after `<!` vanished from the parse, so a fix inserted
  // `<distributionState>` again on every run.
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${ROOT_OPEN}\n<description>0⟦<⟧!#;:_ \n\t</description>\n<distributionState>Packaged</distributionState>\n</ExternalClientApplication>\n`;
  with_({ [H]: text }, (fx) => {
    const [f, ...rest] = fx.findings(H, ID);
    assert.ok(f);
    assert.equal(rest.length, 0);
    assert.deepEqual(offsetsOf(f, fx.read(H)), fx.marks[H]);
    assert.match(f.message, /'<!' starts neither a comment/);
    assert.deepEqual(fx.findings(H).filter((x) => x.ruleId === 'distribution-state-not-packaged'), []);
  });
});
