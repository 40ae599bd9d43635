/**
 * Hand-kept facts the generated schema (schema.generated.ts, from `@salesforce/types`) lacks: the
 * documented values of strings the WSDL leaves untyped, documented defaults, and elements real
 * files use that no version of the types has. Every entry names its source. Keep it small: a fact
 * the generated table already has does not belong here.
 *
 * "reference §n" is /work/shared/eca-reference.md (the project's checked facts); corpus paths are
 * relative to shared/corpus/ (real files, byte for byte, reference §6).
 */
import type { Overlay } from './schemaTypes';

const REF3 = 'reference §3 (MDAPI ExtlClntAppOauthConfigurablePolicies)';
const REF9 = 'reference §9 (untyped in the WSDL; values listed by the docs)';
const REF7_DEFAULTS = 'reference §7: defaults generated for an app deployed with no OAuth policy file, seen in real files';
const REF8 = 'reference §8 (MDAPI ConnectedApp)';
const UNIT = 'HOURS|DAYS|MONTHS';

export const SCHEMA_OVERLAY: Overlay = {
  ExtlClntAppOauthConfigurablePolicies: [
    { name: 'ipRelaxationPolicyType', source: `${REF9}; default: ${REF7_DEFAULTS}`, values: ['Enforce', 'Bypass', 'Bypass_2factor', 'Enforce_RelaxRefresh'], default: 'Enforce' },
    { name: 'refreshTokenValidityUnit', source: `${REF9}; default: ${REF7_DEFAULTS}`, values: ['Days', 'Hours', 'Months'], default: 'Days' },
    { name: 'refreshTokenValidityPeriod', source: `${REF3}: an int; default: ${REF7_DEFAULTS}`, kind: 'int', default: '365' },
    { name: 'refreshTokenPolicyType', source: REF7_DEFAULTS, default: 'SpecificLifetime' },
    { name: 'requiredSessionLevel', source: REF7_DEFAULTS, default: 'STANDARD' },
    { name: 'permittedUsersPolicyType', source: 'reference §7 ("AllSelfAuthorized is the risky default")', default: 'AllSelfAuthorized' },
    {
      name: 'isNamedUserJwtEnabled',
      source: `${REF3} (deprecated); reference §9: on the OAuth policies only in API 61–63, in no version of @salesforce/types; ` +
        'seen in 5 corpus files, e.g. chrzasz__sf-th-eca-via-metadata/force-app/main/default/extlClntAppOauthPolicies/ecaViaMetadataSettings_defaultPolicy.ecaOauthPlcy-meta.xml',
      kind: 'boolean',
      undocumented: true,
    },
  ],
  ExtlClntAppGlobalOauthSettings: [
    { name: 'isSecretRequiredForRefreshToken', source: 'reference §7 ("isSecretRequiredForRefreshToken, default true")', default: 'true' },
  ],
  ConnectedAppOauthConfig: [
    { name: 'isAdminApproved', source: `${REF8}: default false = self-authorize`, default: 'false' },
    { name: 'isPkceRequired', source: `${REF8}: default false`, default: 'false' },
    { name: 'isSecretRequiredForRefreshToken', source: `${REF8}: default true`, default: 'true' },
  ],
  ConnectedAppOauthPolicy: [
    { name: 'ipRelaxation', source: `${REF8}: untyped string with documented values`, values: ['ENFORCE', 'BYPASS_2FACTOR', 'BYPASS', 'ENFORCE_RELAXREFRESH'] },
    {
      name: 'refreshTokenPolicy',
      source: `${REF8}: zero | infinite | specific_lifetime:N:UNIT | specific_inactivity:N:UNIT`,
      kind: 'pattern',
      values: ['zero', 'infinite'],
      pattern: `^(zero|infinite|specific_lifetime:[0-9]+:(${UNIT})|specific_inactivity:[0-9]+:(${UNIT}))$`,
    },
  ],
};
