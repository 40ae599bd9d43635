import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { globalSettings, oauthSettings, PLAIN_PROJECT, xml } from '../../helpers/fixture';
import { assertAtMark, assertParses, only, P, preferred, rangeIn, withFixture } from '../../helpers/eca';

const ID = 'secret-in-source';
const SECRET = 'F1E2D3C4B5A6978877665544332211009988776655443322';
const KEY = '3MVG9pRzvMkjMb6lZlt3YjDQwe_FAKE_CONSUMER_KEY_0123456789';
const PEM_KEY = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----';
const PEM_CERT = '-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIEbFakeCert\n-----END CERTIFICATE-----';

const global = (extra: string) =>
  globalSettings(`    <callbackUrl>https://app.example.com/cb</callbackUrl>\n${extra}    <externalClientApplication>Billing</externalClientApplication>\n    <isPkceRequired>true</isPkceRequired>\n`);

test(`${ID}: consumer secret (error) and consumer key (warning) in global settings, at their values, value never in the message`, () => {
  withFixture({ [P.global]: global(`    <consumerKey>${KEY}</consumerKey>\n    <consumerSecret>${SECRET}</consumerSecret>\n`), '.forceignore': '**/extlClntAppGlobalOauthSets/**\n' }, (fx) => {
    const fs = fx.findings(P.global, ID);
    assert.equal(fs.length, 2);
    const text = fx.read(P.global);
    const [key, secret] = fs;
    assert.deepEqual(rangeIn(fx, P.global, key!), { start: text.indexOf(KEY), end: text.indexOf(KEY) + KEY.length });
    assert.deepEqual(rangeIn(fx, P.global, secret!), { start: text.indexOf(SECRET), end: text.indexOf(SECRET) + SECRET.length });
    assert.equal(key!.severity, 'warning');
    assert.equal(secret!.severity, 'error');
    assert.match(key!.message, /<consumerKey> holds a consumer key in source/);
    assert.match(secret!.message, /<consumerSecret> holds a consumer secret in source/);
    assert.match(secret!.message, /\.forceignore keeps a file out of the package, not out of git/);
    assert.match(secret!.message, /rotate the secret/);
    assert.doesNotMatch(key!.message, /rotate/);
    for (const f of fs) {
      assert.match(f.message, /Global OAuth settings belong to the Dev Hub and must not be in source control/);
      assert.ok(!f.message.includes(SECRET) && !f.message.includes(KEY));
      assert.ok(!JSON.stringify(f.fixes.map((x) => x.title)).includes(SECRET));
    }
    // Remove both, one after the other.
    fx.apply(preferred(secret!));
    assert.equal(fx.read(P.global), global(`    <consumerKey>${KEY}</consumerKey>\n`));
    fx.apply(preferred(only(fx.findings(P.global, ID))));
    const after = fx.read(P.global);
    assert.equal(after, global(''));
    assertParses(after);
    assert.equal(fx.findings(P.global, ID).length, 0);
  });
});

test(`${ID}: a private key anywhere is an error; a certificate is not`, () => {
  withFixture({ [P.global]: global(`    <certificate>⟦${PEM_KEY}⟧</certificate>\n`) }, (fx) => {
    const f = only(fx.findings(P.global, ID));
    assert.equal(f.severity, 'error');
    assertAtMark(fx, P.global, f);
    assert.match(f.message, /<certificate> holds a private key in source/);
    assert.match(f.message, /rotate the key and its certificate/);
    assert.ok(!f.message.includes('MIIEvQ'));
    fx.apply(preferred(f));
    assert.equal(fx.read(P.global), global(''));
  });
  withFixture({ [P.global]: global(`    <certificate>${PEM_CERT}</certificate>\n`) }, (fx) => assert.equal(fx.findings(P.global, ID).length, 0));
  const encrypted = '-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIFHDBOBgkqhkiG9w0BBQ0w\n-----END ENCRYPTED PRIVATE KEY-----';
  withFixture({ [P.oauth]: oauthSettings(`    <assetTokenSigningCertificate>${encrypted}</assetTokenSigningCertificate>\n    <externalClientApplication>Billing</externalClientApplication>\n`) }, (fx) => {
    assert.match(only(fx.findings(P.oauth, ID)).message, /holds a private key/);
  });
});

test(`${ID}: \${VAR} replacement placeholders and empty values are not secrets`, () => {
  const files = {
    [P.global]: global('    <certificate>${SF_CERT_BASE64}</certificate>\n    <consumerKey>${ECA_CONSUMER_KEY}</consumerKey>\n    <consumerSecret> ${ECA_CONSUMER_SECRET} </consumerSecret>\n'),
    [P.oauth]: oauthSettings('    <externalClientApplication>Billing</externalClientApplication>\n'),
    'force-app/main/default/extlClntAppGlobalOauthSets/Other.ecaGlblOauth-meta.xml': global('    <consumerKey></consumerKey>\n    <consumerSecret/>\n'),
  };
  withFixture(files, (fx) => {
    for (const rel of Object.keys(files)) assert.equal(fx.findings(rel, ID).length, 0, rel);
  });
  // Only a whole-value placeholder counts: a secret with a placeholder inside is still a secret.
  withFixture({ [P.global]: global(`    <consumerSecret>${SECRET}\${SUFFIX}</consumerSecret>\n`) }, (fx) => assert.equal(fx.findings(P.global, ID).length, 1));
});

test(`${ID}: consumer key outside global settings is not flagged; a connected app's consumerSecret is, without the Dev Hub sentence`, () => {
  withFixture({ [P.oauth]: oauthSettings(`    <consumerKey>${KEY}</consumerKey>\n    <externalClientApplication>Billing</externalClientApplication>\n`) }, (fx) => {
    assert.equal(fx.findings(P.oauth, ID).length, 0);
  });
  const rel = 'force-app/main/default/connectedApps/Legacy.connectedApp-meta.xml';
  const ca = xml('ConnectedApp', `    <contactEmail>a@b.co</contactEmail>\n    <label>Legacy</label>\n    <oauthConfig>\n        <callbackUrl>https://x.example.com/cb</callbackUrl>\n        <consumerKey>${KEY}</consumerKey>\n        <consumerSecret>${SECRET}</consumerSecret>\n    </oauthConfig>\n`);
  withFixture({ [rel]: ca }, (fx) => {
    const f = only(fx.findings(rel, ID));
    assert.match(f.message, /<consumerSecret> holds a consumer secret/);
    assert.doesNotMatch(f.message, /Global OAuth settings/);
    fx.apply(preferred(f));
    assert.equal(fx.read(rel), ca.replace(`        <consumerSecret>${SECRET}</consumerSecret>\n`, ''));
  });
});

test(`${ID}: flagged wherever the file is: plain project, excluded by .forceignore`, () => {
  const text = global(`    <consumerSecret>${SECRET}</consumerSecret>\n`);
  withFixture({ 'sfdx-project.json': PLAIN_PROJECT, [P.global]: text }, (fx) => assert.equal(fx.findings(P.global, ID).length, 1));
  withFixture({ [P.global]: text, '.forceignore': '**/*.ecaGlblOauth-meta.xml\n' }, (fx) => assert.equal(fx.findings(P.global, ID).length, 1));
});

test(`${ID}: removal keeps CRLF, BOM, tabs and neighbouring comments`, () => {
  const text = `\uFEFF<?xml version="1.0" encoding="UTF-8"?>\r\n<ExtlClntAppGlobalOauthSettings xmlns="http://soap.sforce.com/2006/04/metadata">\r\n\t<callbackUrl>https://app.example.com/cb</callbackUrl>\r\n\t<!-- rotated 2025-01 -->\r\n\t<consumerSecret>${SECRET}</consumerSecret>\r\n\t<externalClientApplication>Billing</externalClientApplication> <!-- app -->\r\n</ExtlClntAppGlobalOauthSettings>\r\n`;
  withFixture({ [P.global]: text }, (fx) => {
    fx.apply(preferred(only(fx.findings(P.global, ID))));
    const after = fx.read(P.global);
    assert.equal(after, text.replace(`\t<consumerSecret>${SECRET}</consumerSecret>\r\n`, ''));
    assertParses(after);
    assert.equal(fx.findings(P.global, ID).length, 0);
  });
});

test(`${ID}: severity setting wins over the per-finding severity`, () => {
  withFixture({ [P.global]: global(`    <consumerKey>${KEY}</consumerKey>\n    <consumerSecret>${SECRET}</consumerSecret>\n`) }, (fx) => {
    assert.deepEqual(fx.findings(P.global, ID).map((f) => f.severity), ['information', 'information']);
  }, { rules: { [ID]: 'information' } });
  withFixture({ [P.global]: global(`    <consumerSecret>${SECRET}</consumerSecret>\n`) }, (fx) => {
    assert.equal(fx.findings(P.global, ID).length, 0);
  }, { rules: { [ID]: 'off' } });
});

test(`${ID}: obvious placeholders are not secrets; near misses are`, () => {
  for (const v of ['REDACTED_SEE_ENV_SECRET', '&lt;your consumer secret&gt;', 'YOUR_CONSUMER_SECRET', 'changeme', 'xxxxxxxx', '********', '$ECA_SECRET', '%ECA_SECRET%', 'ECA_CONSUMER_SECRET', '${ECA.SECRET}']) {
    withFixture({ [P.global]: global(`    <consumerSecret>${v}</consumerSecret>\n`) }, (fx) => assert.equal(fx.findings(P.global, ID).length, 0, v));
  }
  for (const v of [SECRET, 'changeme123', 'xxxxy', 'my_YOUR_secret', 'ABCDEF0123456789']) {
    withFixture({ [P.global]: global(`    <consumerSecret>${v}</consumerSecret>\n`) }, (fx) => assert.equal(fx.findings(P.global, ID).length, 1, v));
  }
});

test(`${ID}: a git-ignored file is not in git: no finding (root and nested .gitignore; negations as git reads them)`, () => {
  const text = global(`    <consumerSecret>${SECRET}</consumerSecret>\n`);
  withFixture({ [P.global]: text, '.gitignore': '**/extlClntAppGlobalOauthSets/\n' }, (fx) => assert.equal(fx.findings(P.global, ID).length, 0));
  withFixture({ [P.global]: text, 'force-app/main/.gitignore': 'default/extlClntAppGlobalOauthSets/*\n' }, (fx) => assert.equal(fx.findings(P.global, ID).length, 0));
  // Under an ignored folder a negation cannot re-include (git semantics): still ignored.
  withFixture({ [P.global]: text, '.gitignore': '**/extlClntAppGlobalOauthSets/\n!Billing_glbloauth.ecaGlblOauth-meta.xml\n' }, (fx) => assert.equal(fx.findings(P.global, ID).length, 0));
  withFixture({ [P.global]: text, '.gitignore': '*.ecaGlblOauth-meta.xml\n!Billing_glbloauth.ecaGlblOauth-meta.xml\n' }, (fx) => assert.equal(fx.findings(P.global, ID).length, 1));
});
