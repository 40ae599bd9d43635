/**
 * The mapping tables of the Connected App → External Client App conversion (reference §8): which
 * Connected App element or value goes to which ECA field, the value spellings each side accepts,
 * the known OAuth scopes, and the texts of the migration blockers. Data only; the conversion that
 * reads them is convert.ts (the top level) and sections.ts (the complex elements).
 */
export const HEADER_FIELDS = ['label', 'description', 'contactEmail', 'contactPhone', 'infoUrl', 'logoUrl', 'iconUrl'];

/** oauthConfig flag → global OAuth settings element. */
export const GLOBAL_FLAGS: Readonly<Record<string, { to: string; inferred?: boolean }>> = {
  isClientCredentialEnabled: { to: 'isClientCredentialsFlowEnabled' },
  isCodeCredentialEnabled: { to: 'isCodeCredFlowEnabled' },
  isCodeCredentialPostOnly: { to: 'isCodeCredPostOnly' },
  isConsumerSecretOptional: { to: 'isConsumerSecretOptional' },
  isDPopEnabled: { to: 'isDPopEnabled' },
  isDeviceFlowEnabled: { to: 'isDeviceFlowEnabled' },
  isEnforceRefreshTokenTTL: { to: 'isEnforceRefreshTokenTTL' },
  isIntrospectAllTokens: { to: 'isIntrospectAllTokens' },
  isNamedUserJwtEnabled: { to: 'isNamedUserJwtEnabled' },
  isPkceRequired: { to: 'isPkceRequired' },
  isRefreshTokenRotationEnabled: { to: 'isRefreshTokenRotationEnabled' },
  isSecretRequiredForRefreshToken: { to: 'isSecretRequiredForRefreshToken' },
  isSecretRequiredForTokenExchange: { to: 'isSecretRequiredForTokenExchange' },
  isTokenExchangeEnabled: { to: 'isTokenExchangeEnabled' },
  isPKImTLSEnabled: { to: 'isMtlsEnabled', inferred: true },
};

/** oauthConfig/idTokenConfig → global idTokenConfig (renamed fields, inferred). */
export const ID_TOKEN_FIELDS: Readonly<Record<string, string>> = {
  idTokenAudience: 'idTokenAudience',
  idTokenIncludeAttributes: 'idTokenIncludeAttributes',
  idTokenIncludeCustomPerms: 'idTokenIncludeCustomPermissions',
  idTokenIncludeStandardClaims: 'idTokenIncludeStandardClaims',
  idTokenValidity: 'idTokenValidityInMinutes',
};

/** oauthConfig/assetTokenConfig → OAuth settings asset-token fields (inferred). */
export const ASSET_TOKEN_FIELDS: Readonly<Record<string, string>> = {
  assetAudiences: 'assetTokenAudiences',
  assetIncludeAttributes: 'areAttributesIncludedInAssetToken',
  assetIncludeCustomPerms: 'areCustomPermsIncludedInAssetToken',
  assetSigningCertId: 'assetTokenSigningCertificate',
  assetValidityPeriod: 'assetTokenValidity',
};

export const IP_RELAXATION: Readonly<Record<string, string>> = {
  ENFORCE: 'Enforce',
  BYPASS: 'Bypass',
  BYPASS_2FACTOR: 'Bypass_2factor',
  ENFORCE_RELAXREFRESH: 'Enforce_RelaxRefresh',
};

export const REFRESH_KIND: Readonly<Record<string, string>> = {
  specific_lifetime: 'SpecificLifetime',
  specific_inactivity: 'SpecificInactivity',
};
export const REFRESH_UNIT: Readonly<Record<string, string>> = { HOURS: 'Hours', DAYS: 'Days', MONTHS: 'Months' };
export const SESSION_LEVELS = ['LOW', 'STANDARD', 'HIGH_ASSURANCE'];
export const POLICY_ACTIONS = ['Block', 'RaiseSessionLevel', 'StepUpMFA'];

/** ConnectedApp scope spelling → ECA spelling, where they differ (reference §8). */
export const SCOPE_RENAMES: Readonly<Record<string, string>> = { SFAP: 'SFApiPlatform' };
/** ConnectedAppOauthAccessScope in @salesforce/types 1.9.0. */
export const KNOWN_SCOPES = new Set(
  'Basic Api Web Full Chatter CustomApplications RefreshToken OpenID Profile Email Address Phone OfflineAccess CustomPermissions Wave Eclair Pardot Lightning Content CDPIngest CDPProfile CDPQuery Chatbot CDPSegment CDPIdentityResolution CDPCalculatedInsight ForgotPassword UserRegistration SFAP Interaction CDP EinsteinGPT PwdlessLogin MCP SCRT DataCloudUserClaims A2A CmdbDiscovery SemanticLayer'.split(' '),
);

export const SECRET_WHY =
  'never written to source: Salesforce\'s migration in Setup keeps the consumer key and secret in the org, and the global OAuth settings must stay out of source control';

export const BLOCK_CANVAS = 'Canvas apps can\'t be migrated to an External Client App (Salesforce lists Canvas as a migration blocker); keep the Connected App or rebuild the Canvas part';
export const BLOCK_PLUGIN = 'a custom Apex plugin (ConnectedAppPlugin) blocks the migration; External Client Apps have no Connected App plugin';
export const BLOCK_MOBILE = 'mobile app and push settings block the migration from source; External Client Apps configure them in separate mobile/push settings that this conversion does not write';
export const BLOCK_3DES = 'SAML assertions encrypted with Triple-DES block the migration; switch the encryption to AES-128 or AES-256 first';
export const BLOCK_PROVISIONING = 'user provisioning blocks the migration; External Client Apps do not support it';
