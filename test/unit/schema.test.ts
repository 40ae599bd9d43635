/**
 * The merged schema (metadata/schema.ts): generated from `@salesforce/types` ⊕ overlay ⊕
 * descriptions. Expected values were read by hand from node_modules/sf-types-<v>/lib/metadata.d.ts,
 * not copied from the generator's output.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { SCHEMA_VERSIONS, complexType, enumValues, fieldOf, schemaFor, scopeNames } from '../../server/src/metadata/schema';
import { ECA_TYPES } from '../../server/src/metadata/types';

test('versions read: 1.1.0 to 1.9.0', () => {
  assert.equal(SCHEMA_VERSIONS[0], '1.1.0');
  assert.equal(SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1], '1.9.0');
});

test('every row of the type table has a schema', () => {
  for (const t of ECA_TYPES) assert.ok(schemaFor(t.name), t.name);
  for (const t of ['ExternalClientAppSettings', 'OauthOidcSettings']) assert.ok(schemaFor(t), t);
  assert.equal(schemaFor('Profile'), undefined);
  assert.equal(schemaFor('constructor'), undefined);
});

test('ExternalClientApplication: fields in .d.ts order, Metadata first', () => {
  const t = schemaFor('ExternalClientApplication')!;
  assert.equal(t.extends, 'Metadata');
  // 1.9.0: Metadata = { fullName? }; 1.7.1 and older also had module? (dropped in 1.7.3).
  assert.deepEqual(t.fields.map((f) => f.name), [
    'fullName', 'module',
    'contactEmail', 'contactPhone', 'description', 'distributionState', 'iconUrl', 'infoUrl', 'isProtected', 'label', 'logoUrl', 'managedType', 'orgScopedExternalApp',
  ]);
  assert.equal(t.field('module')?.until, '1.7.1');
  assert.equal(t.field('fullName')?.inherited, 'Metadata');
  assert.ok(t.fields.every((f) => !f.required), 'every header field has ?');
  assert.match(t.description ?? '', /header/);
});

test('required flags', () => {
  for (const t of ECA_TYPES.filter((x) => x.satellite)) {
    const f = fieldOf(t.name, ['externalClientApplication']);
    assert.equal(f?.required, true, `${t.name}.externalClientApplication`);
    assert.equal(f?.kind, 'string');
  }
  assert.equal(fieldOf('ExtlClntAppConfigurablePolicies', ['isEnabled'])?.required, true);
  assert.equal(fieldOf('ExtlClntAppConfigurablePolicies', ['isOauthPluginEnabled'])?.required, false);
  assert.equal(fieldOf('ConnectedApp', ['oauthConfig', 'callbackUrl'])?.required, true);
  assert.equal(fieldOf('ConnectedApp', ['oauthConfig', 'consumerKey'])?.required, false);
  assert.equal(fieldOf('ConnectedApp', ['contactEmail'])?.required, true);
  assert.equal(fieldOf('ConnectedApp', ['label'])?.required, true);
  assert.equal(fieldOf('ConnectedApp', ['description'])?.required, false);
});

test('lists are optional; complex children resolve by path', () => {
  const attrs = fieldOf('ExtlClntAppOauthSettings', ['customAttributes'])!;
  assert.deepEqual([attrs.kind, attrs.type, attrs.list, attrs.required], ['complex', 'ExtlClntAppOauthSettingsAttribute', true, false]);
  assert.equal(fieldOf('ExtlClntAppOauthSettings', ['customAttributes', 'formula'])?.required, true);
  assert.match(fieldOf('ExtlClntAppOauthSettings', ['customAttributes', 'formula'])?.description ?? '', /Formula/);
  const scopes = fieldOf('ConnectedApp', ['oauthConfig', 'scopes'])!;
  assert.deepEqual([scopes.kind, scopes.type, scopes.list], ['enum', 'ConnectedAppOauthAccessScope', true]);
  assert.equal(fieldOf('ConnectedApp', ['permissionSetName'])?.list, true);
  assert.equal(fieldOf('ExtlClntAppGlobalOauthSettings', ['idTokenConfig', 'idTokenValidityInMinutes'])?.kind, 'number');
  assert.equal(fieldOf('ConnectedApp', ['oauthConfig', 'idTokenConfig', 'idTokenValidity'])?.kind, 'number');
  assert.equal(fieldOf('ConnectedApp', ['oauthConfig', 'nope']), undefined);
  assert.equal(fieldOf('ConnectedApp', ['label', 'x']), undefined, 'a string has no children');
  assert.equal(fieldOf('ConnectedApp', ['__proto__']), undefined);
  const oauth = complexType('ConnectedAppOauthConfig')!;
  assert.deepEqual(oauth.fields.slice(0, 4).map((f) => f.name), ['assetTokenConfig', 'callbackUrl', 'certificate', 'consumerKey']);
  for (const c of ['ConnectedAppOauthPolicy', 'ConnectedAppSessionPolicy', 'ConnectedAppIpRange', 'ConnectedAppAttribute', 'ConnectedAppCanvasConfig', 'ConnectedAppMobileDetailConfig', 'ConnectedAppSamlConfig', 'ConnectedAppOauthIdToken', 'ExternalAppIdTokenConfig']) {
    assert.ok(complexType(c), c);
  }
});

test('enum values', () => {
  // 1.9.0: ExtlClntAppDistState = 'Local' | 'Packaged' | 'Managed' | 'AutoInstalled' (AutoInstalled from 1.6.0).
  assert.deepEqual(fieldOf('ExternalClientApplication', ['distributionState'])?.values, ['Local', 'Packaged', 'Managed', 'AutoInstalled']);
  assert.deepEqual(fieldOf('ExtlClntAppOauthConfigurablePolicies', ['permittedUsersPolicyType'])?.values, ['AllSelfAuthorized', 'AdminApprovedPreAuthorized']);
  assert.deepEqual(enumValues('ExtlClntAppStartPage'), ['None', 'Custom', 'OAuth', 'SAML']);
  // PolicyAction gained StepUpMFA in 1.8.0.
  assert.deepEqual(fieldOf('ExtlClntAppOauthConfigurablePolicies', ['policyAction'])?.values, ['Block', 'RaiseSessionLevel', 'StepUpMFA']);
  assert.equal(enumValues('toString'), undefined);
});

test('overlay: documented values of untyped strings, defaults, a field from real files', () => {
  const p = (n: string) => fieldOf('ExtlClntAppOauthConfigurablePolicies', [n])!;
  assert.deepEqual(p('ipRelaxationPolicyType').values, ['Enforce', 'Bypass', 'Bypass_2factor', 'Enforce_RelaxRefresh']);
  assert.equal(p('ipRelaxationPolicyType').kind, 'string');
  assert.match(p('ipRelaxationPolicyType').source ?? '', /reference §9/);
  assert.deepEqual(p('refreshTokenValidityUnit').values, ['Days', 'Hours', 'Months']);
  assert.equal(p('refreshTokenValidityPeriod').kind, 'int');
  assert.equal(p('permittedUsersPolicyType').default, 'AllSelfAuthorized');
  const jwt = p('isNamedUserJwtEnabled');
  assert.deepEqual([jwt.kind, jwt.since, jwt.undocumented], ['boolean', undefined, true]);
  assert.match(jwt.source ?? '', /ecaOauthPlcy-meta\.xml/);
  assert.equal(fieldOf('ExtlClntAppGlobalOauthSettings', ['isSecretRequiredForRefreshToken'])?.default, 'true');
  assert.equal(fieldOf('ConnectedApp', ['oauthConfig', 'isAdminApproved'])?.default, 'false');
  assert.equal(fieldOf('ConnectedApp', ['oauthConfig', 'isPkceRequired'])?.default, 'false');
  assert.deepEqual(fieldOf('ConnectedApp', ['oauthPolicy', 'ipRelaxation'])?.values, ['ENFORCE', 'BYPASS_2FACTOR', 'BYPASS', 'ENFORCE_RELAXREFRESH']);
  const rtp = fieldOf('ConnectedApp', ['oauthPolicy', 'refreshTokenPolicy'])!;
  assert.equal(rtp.kind, 'pattern');
  const re = new RegExp(rtp.pattern!);
  for (const ok of ['zero', 'infinite', 'specific_lifetime:1:HOURS', 'specific_inactivity:2:DAYS']) assert.ok(re.test(ok), ok);
  for (const bad of ['Infinite', 'specific_lifetime:x:HOURS', 'specific_lifetime:1:WEEKS']) assert.ok(!re.test(bad), bad);
  // Global settings: isDPopEnabled (1.9.0) and isEnforceRefreshTokenTTL (1.7.3) come from the types, not the overlay.
  assert.equal(fieldOf('ExtlClntAppGlobalOauthSettings', ['isDPopEnabled'])?.since, '1.9.0');
  assert.equal(fieldOf('ExtlClntAppGlobalOauthSettings', ['isEnforceRefreshTokenTTL'])?.since, '1.7.3');
  assert.match(fieldOf('ExtlClntAppGlobalOauthSettings', ['isPkceRequired'])?.note ?? '', /Security Health Review/);
});

test('since and until of types', () => {
  // Attest types: in 1.7.0 and 1.7.1; ExtlClntAppAttestSettings still in 1.7.3; neither in 1.8.0.
  assert.deepEqual([schemaFor('ExtlClntAppAttestConfigurablePolicies')?.since, schemaFor('ExtlClntAppAttestConfigurablePolicies')?.until], ['1.7.0', '1.7.1']);
  assert.deepEqual([schemaFor('ExtlClntAppAttestSettings')?.since, schemaFor('ExtlClntAppAttestSettings')?.until], ['1.7.0', '1.7.3']);
  // OauthSecurity: absent from 1.7.1, present from 1.7.3 on (so in 1.8.0 and 1.9.0).
  assert.deepEqual([schemaFor('ExtlClntAppOauthSecuritySettings')?.since, schemaFor('ExtlClntAppOauthSecuritySettings')?.until], ['1.7.3', undefined]);
  assert.equal(schemaFor('ExtlClntAppSampleSettings')?.until, '1.7.1');
  assert.equal(schemaFor('ExtlClntAppPushSettings')?.since, '1.6.0');
  assert.equal(fieldOf('ExtlClntAppConfigurablePolicies', ['isAttestPluginEnabled'])?.since, '1.9.0');
});

test('scope names: ECA spells SFAP as SFApiPlatform', () => {
  const ca = scopeNames('connectedApp');
  const eca = scopeNames('eca');
  assert.ok(ca.includes('SFAP') && !ca.includes('SFApiPlatform'));
  assert.ok(eca.includes('SFApiPlatform') && !eca.includes('SFAP'));
  assert.equal(ca.length, 39);
  for (const s of ['Basic', 'Api', 'Full', 'RefreshToken', 'OfflineAccess', 'MCP', 'SCRT', 'DataCloudUserClaims', 'A2A', 'CmdbDiscovery', 'SemanticLayer']) assert.ok(eca.includes(s), s);
});
