/**
 * The conversion core (server/src/migrate/convert.ts) on own fixtures: every mapped field
 * (reference §8), the blockers, the notes, nothing silently dropped, no secret in the output.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseXml, type XmlElement } from '../../server/src/metadata/parse';
import { checkReadiness, convertConnectedApp, refreshTokenPolicy, type Conversion } from '../../server/src/migrate';
import { TextFile } from '../../server/src/util/text';
import { FULL_APP, SMALL_APP, uncovered } from '../helpers/migrate';

const convert = (text: string, name = 'Orders_Sync') => convertConnectedApp(new TextFile(text), name);
const app = (inner: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">\n${inner}\n</ConnectedApp>\n`;
const oauth = (inner: string, outer = '') => app(`    <contactEmail>a@example.com</contactEmail>\n    <label>A</label>\n    <oauthConfig>\n        <callbackUrl>https://example.com/cb</callbackUrl>\n${inner}\n    </oauthConfig>\n${outer}`);

/** path → text of every leaf of a file, e.g. `trustedIpRanges/startIpAddress`. */
function values(text: string): Record<string, string> {
  const parsed = parseXml(new TextFile(text));
  assert.ok(parsed.root, `output parses: ${parsed.error?.message}`);
  const out: Record<string, string> = {};
  const walk = (el: XmlElement, prefix: string) => {
    for (const c of el.children) {
      const p = prefix ? `${prefix}/${c.name}` : c.name;
      if (c.children.length) walk(c, p);
      else out[p] = c.text;
    }
  };
  walk(parsed.root!, '');
  return out;
}

function file(c: Conversion, name: string): string {
  const f = c.files.find((x) => x.fileName === name);
  assert.ok(f, `${name} is produced (got ${c.files.map((x) => x.fileName).join(', ')})`);
  return f.text;
}

test('every mapped field lands in its ECA file, with the reference §8 names and values', () => {
  const c = convert(FULL_APP);
  assert.equal(c.convertible, true);
  assert.deepEqual(c.blockers, []);
  assert.deepEqual(
    c.files.map((f) => [f.fileName, f.folder, f.type]),
    [
      ['Orders_Sync.eca-meta.xml', 'externalClientApps', 'ExternalClientApplication'],
      ['Orders_Sync_oauth.ecaOauth-meta.xml', 'extlClntAppOauthSettings', 'ExtlClntAppOauthSettings'],
      ['Orders_Sync_glbloauth.ecaGlblOauth-meta.xml', 'extlClntAppGlobalOauthSets', 'ExtlClntAppGlobalOauthSettings'],
      ['Orders_Sync_oauthPlcy.ecaOauthPlcy-meta.xml', 'extlClntAppOauthPolicies', 'ExtlClntAppOauthConfigurablePolicies'],
      ['Orders_Sync_plcy.ecaPlcy-meta.xml', 'extlClntAppPolicies', 'ExtlClntAppConfigurablePolicies'],
    ],
  );
  assert.deepEqual(values(file(c, 'Orders_Sync.eca-meta.xml')), {
    contactEmail: 'integrations@example.com',
    contactPhone: '+1 555 0100',
    description: 'Orders sync & reporting',
    distributionState: 'Local',
    iconUrl: 'https://example.com/icon.png',
    infoUrl: 'https://example.com/info',
    label: 'Orders Sync',
    logoUrl: 'https://example.com/logo.png',
  });
  assert.deepEqual(values(file(c, 'Orders_Sync_oauth.ecaOauth-meta.xml')), {
    areAttributesIncludedInAssetToken: 'true',
    areCustomPermsIncludedInAssetToken: 'false',
    assetTokenAudiences: 'https://api.example.com',
    assetTokenSigningCertificate: 'SigningCert',
    assetTokenValidity: '60',
    commaSeparatedOauthScopes: 'Api, RefreshToken, SFApiPlatform',
    externalClientApplication: 'Orders_Sync',
    singleLogoutUrl: 'https://example.com/logout',
    'trustedIpRanges/description': 'Office',
    'trustedIpRanges/endIpAddress': '10.0.0.255',
    'trustedIpRanges/startIpAddress': '10.0.0.1',
  });
  assert.deepEqual(values(file(c, 'Orders_Sync_glbloauth.ecaGlblOauth-meta.xml')), {
    callbackUrl: 'https://example.com/callback\nhttps://example.com/other',
    certificate: 'MIIBkTCB+wIJAKHBfpegPjMCMA0GCSqGSIb3DQEBCwUAMBExDzANBgNVBAMMBnVudXNlZDAeFw0y',
    externalClientApplication: 'Orders_Sync',
    'idTokenConfig/idTokenAudience': 'orders',
    'idTokenConfig/idTokenIncludeAttributes': 'true',
    'idTokenConfig/idTokenIncludeCustomPermissions': 'true',
    'idTokenConfig/idTokenIncludeStandardClaims': 'true',
    'idTokenConfig/idTokenValidityInMinutes': '5',
    isClientCredentialsFlowEnabled: 'true',
    isCodeCredFlowEnabled: 'true',
    isCodeCredPostOnly: 'true',
    isConsumerSecretOptional: 'false',
    isDeviceFlowEnabled: 'false',
    isIntrospectAllTokens: 'false',
    isNamedUserJwtEnabled: 'false',
    isPkceRequired: 'true',
    isRefreshTokenRotationEnabled: 'true',
    isSecretRequiredForRefreshToken: 'true',
    isSecretRequiredForTokenExchange: 'false',
    isTokenExchangeEnabled: 'false',
  });
  assert.deepEqual(values(file(c, 'Orders_Sync_oauthPlcy.ecaOauthPlcy-meta.xml')), {
    clientCredentialsFlowUser: 'orders.integration@example.com',
    commaSeparatedPermissionSet: 'Orders Integration,Orders Reader',
    commaSeparatedProfile: 'Minimum Access - API Only Integrations',
    externalClientApplication: 'Orders_Sync',
    ipRelaxationPolicyType: 'Enforce',
    isClientCredentialsFlowEnabled: 'true',
    isTokenExchangeFlowEnabled: 'false',
    permittedUsersPolicyType: 'AdminApprovedPreAuthorized',
    policyAction: 'Block',
    refreshTokenPolicyType: 'SpecificInactivity',
    refreshTokenValidityPeriod: '30',
    refreshTokenValidityUnit: 'Days',
    requiredSessionLevel: 'STANDARD',
    sessionTimeoutInMinutes: '120',
  });
  assert.deepEqual(values(file(c, 'Orders_Sync_plcy.ecaPlcy-meta.xml')), {
    externalClientApplication: 'Orders_Sync',
    isEnabled: 'true',
    isOauthPluginEnabled: 'true',
    startPage: 'Custom',
    startUrl: 'https://example.com/start',
  });
});

test('files: XML declaration, namespaced root, alphabetical children, 4-space indent, escaped values', () => {
  const c = convert(FULL_APP);
  for (const f of c.files) {
    const lines = f.text.split('\n');
    assert.equal(lines[0], '<?xml version="1.0" encoding="UTF-8"?>');
    assert.match(lines[1]!, /^<\w+ xmlns="http:\/\/soap\.sforce\.com\/2006\/04\/metadata">$/);
    assert.ok(f.text.endsWith('\n'));
    const root = parseXml(new TextFile(f.text)).root!;
    const check = (el: XmlElement) => {
      const names = el.children.map((x) => x.name);
      assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b, 'en')), `${f.fileName} <${el.name}> children in schema order`);
      el.children.forEach(check);
    };
    check(root);
    for (const l of lines.slice(2, -2)) if (!l.startsWith('https://')) assert.match(l, /^( {4})+</, `${f.fileName}: 4-space indent: ${l}`);
  }
  assert.match(file(c, 'Orders_Sync.eca-meta.xml'), /<description>Orders sync &amp; reporting<\/description>/);
});

test('consumerKey and consumerSecret are never written, and reported as unmapped with why', () => {
  const c = convert(FULL_APP);
  for (const f of c.files) {
    assert.doesNotMatch(f.text, /consumerKey|consumerSecret|SECRETKEYVALUE|SECRETVALUE123/);
  }
  const u = c.unmapped.filter((x) => /consumer(Key|Secret)/.test(x.from));
  assert.deepEqual(u.map((x) => x.from), ['oauthConfig/consumerKey', 'oauthConfig/consumerSecret']);
  for (const x of u) assert.match(x.why, /keeps the consumer key and secret in the org/);
  assert.doesNotMatch(JSON.stringify({ ...c, files: [] }), /SECRETKEYVALUE|SECRETVALUE123/, 'no secret value in the report');
});

test('nothing silently dropped: every source element is mapped or unmapped', () => {
  for (const text of [FULL_APP, SMALL_APP]) assert.deepEqual(uncovered(text, convert(text)), []);
  const odd = oauth('        <isIpBindingEnabled>true</isIpBindingEnabled>\n        <futureFlag>1</futureFlag>', '    <attributes><formula>$User.Id</formula><key>uid</key></attributes>\n    <somethingNew>x</somethingNew>');
  const c = convert(odd);
  assert.deepEqual(uncovered(odd, c), []);
  assert.deepEqual(c.unmapped.map((u) => u.from).sort(), ['attributes', 'oauthConfig/futureFlag', 'oauthConfig/isIpBindingEnabled', 'somethingNew']);
  assert.equal(c.convertible, true);
});

test('ipRelaxation and refreshTokenPolicy values', () => {
  const pol = (ip: string, rt: string) =>
    values(file(convert(oauth('', `    <oauthPolicy>\n        <ipRelaxation>${ip}</ipRelaxation>\n        <refreshTokenPolicy>${rt}</refreshTokenPolicy>\n    </oauthPolicy>`), 'A'), 'A_oauthPlcy.ecaOauthPlcy-meta.xml'));
  assert.equal(pol('BYPASS', 'infinite').ipRelaxationPolicyType, 'Bypass');
  assert.equal(pol('BYPASS_2FACTOR', 'infinite').ipRelaxationPolicyType, 'Bypass_2factor');
  assert.equal(pol('ENFORCE_RELAXREFRESH', 'infinite').ipRelaxationPolicyType, 'Enforce_RelaxRefresh');
  assert.equal(pol('ENFORCE', 'infinite').refreshTokenPolicyType, 'Infinite');
  assert.equal(pol('ENFORCE', 'zero').refreshTokenPolicyType, 'Zero');
  const life = pol('ENFORCE', 'specific_lifetime:1:HOURS');
  assert.deepEqual([life.refreshTokenPolicyType, life.refreshTokenValidityPeriod, life.refreshTokenValidityUnit], ['SpecificLifetime', '1', 'Hours']);
  assert.deepEqual(refreshTokenPolicy('specific_inactivity:6:MONTHS'), { type: 'SpecificInactivity', period: '6', unit: 'Months' });
  assert.equal(refreshTokenPolicy('sometimes'), undefined);
  const bad = convert(oauth('', '    <oauthPolicy>\n        <ipRelaxation>LOOSE</ipRelaxation>\n        <refreshTokenPolicy>sometimes</refreshTokenPolicy>\n    </oauthPolicy>'), 'A');
  assert.deepEqual(bad.unmapped.map((u) => u.from), ['oauthPolicy/ipRelaxation', 'oauthPolicy/refreshTokenPolicy']);
});

test('isAdminApproved false or absent → AllSelfAuthorized (absent: with a note)', () => {
  const f = (inner: string) => convert(oauth(inner), 'A');
  assert.equal(values(file(f('        <isAdminApproved>false</isAdminApproved>'), 'A_oauthPlcy.ecaOauthPlcy-meta.xml')).permittedUsersPolicyType, 'AllSelfAuthorized');
  const absent = f('');
  assert.equal(values(file(absent, 'A_oauthPlcy.ecaOauthPlcy-meta.xml')).permittedUsersPolicyType, 'AllSelfAuthorized');
  assert.ok(absent.notes.some((n) => /isAdminApproved is absent/.test(n.message)));
  // Profiles without admin approval: a note.
  const c = convert(oauth('        <isAdminApproved>false</isAdminApproved>', '    <profileName>Integration</profileName>'), 'A');
  assert.ok(c.notes.some((n) => /only limit access/.test(n.message)));
});

test('permissionSetName: a note that labels are not API names', () => {
  const c = convert(SMALL_APP);
  const n = c.notes.find((x) => /labels/.test(x.message));
  assert.ok(n);
  assert.equal(n.element, 'permissionSetName');
  assert.equal(SMALL_APP.slice(n.start, n.end), '<permissionSetName>Orders Integration</permissionSetName>');
});

test('blockers: canvas, plugin, mobile, push, Triple-DES SAML, user provisioning; with ranges', () => {
  const cases: [string, string, RegExp][] = [
    ['    <canvasConfig><accessMethod>Get</accessMethod><canvasUrl>https://x</canvasUrl></canvasConfig>', 'canvasConfig', /Canvas/],
    ['    <plugin>OrdersPlugin</plugin>', 'plugin', /Apex plugin/],
    ['    <mobileAppConfig><devicePlatform>ios</devicePlatform><version>1</version></mobileAppConfig>', 'mobileAppConfig', /mobile/],
    ['    <mobileStartUrl>https://m</mobileStartUrl>', 'mobileStartUrl', /mobile/],
    ['    <pushConfig><x>1</x></pushConfig>', 'pushConfig', /push/],
    ['    <samlConfig><acsUrl>https://a</acsUrl><encryptionType>Triple_Des</encryptionType><entityUrl>https://e</entityUrl></samlConfig>', 'samlConfig/encryptionType', /Triple-DES/],
    ['    <userProvisioningConfig><enabled>true</enabled></userProvisioningConfig>', 'userProvisioningConfig', /provisioning/],
  ];
  for (const [xml, element, why] of cases) {
    const text = oauth('', xml);
    const r = checkReadiness(new TextFile(text));
    assert.equal(r.convertible, false, element);
    assert.equal(r.blockers.length, 1, element);
    const b = r.blockers[0]!;
    assert.equal(b.element, element);
    assert.match(b.why, why);
    assert.ok(text.slice(b.start, b.end).startsWith(`<${element.split('/').pop()}>`), `${element} range`);
    assert.deepEqual(uncovered(text, r), [], `${element}: covered`);
  }
  // SAML with AES: not a blocker, but not converted either.
  const aes = checkReadiness(new TextFile(oauth('', '    <samlConfig><acsUrl>https://a</acsUrl><encryptionType>AES_256</encryptionType><entityUrl>https://e</entityUrl></samlConfig>')));
  assert.equal(aes.convertible, true);
  assert.deepEqual(aes.unmapped.map((u) => u.from), ['samlConfig']);
});

test('note when nothing reveals a server-to-server mechanism (username-password risk)', () => {
  const bare = app('    <contactEmail>a@example.com</contactEmail>\n    <label>A</label>\n    <oauthConfig>\n        <scopes>Api</scopes>\n    </oauthConfig>');
  assert.ok(checkReadiness(new TextFile(bare)).notes.some((n) => /username-password/.test(n.message)));
  assert.ok(!checkReadiness(new TextFile(SMALL_APP)).notes.some((n) => /username-password/.test(n.message)));
  const cc = oauth('        <isClientCredentialEnabled>true</isClientCredentialEnabled>');
  assert.ok(checkReadiness(new TextFile(cc)).notes.some((n) => /no oauthClientCredentialUser/.test(n.message)));
});

test('no oauthConfig: header only, OAuth-only elements unmapped', () => {
  const c = convert(app('    <contactEmail>a@example.com</contactEmail>\n    <label>A</label>\n    <profileName>P</profileName>'), 'A');
  assert.deepEqual(c.files.map((f) => f.fileName), ['A.eca-meta.xml']);
  assert.deepEqual(c.unmapped.map((u) => u.from), ['profileName']);
});

test('not a Connected App: a problem, no files', () => {
  assert.match(convert('<Foo/>').problem!.message, /not <ConnectedApp>/);
  assert.ok(convert('<ConnectedApp><label>').problem);
  assert.equal(checkReadiness(new TextFile('<Foo/>')).convertible, false);
});

test('scopes: SFAP → SFApiPlatform, duplicates once, unknown kept with a note', () => {
  const c = convert(oauth('        <scopes>SFAP</scopes>\n        <scopes>Api</scopes>\n        <scopes>Api</scopes>\n        <scopes>Telepathy</scopes>'), 'A');
  assert.equal(values(file(c, 'A_oauth.ecaOauth-meta.xml')).commaSeparatedOauthScopes, 'SFApiPlatform, Api, Telepathy');
  assert.ok(c.notes.some((n) => /"Telepathy"/.test(n.message)));
});
