/** Shared by the migrate tests: fixtures and the "nothing silently dropped" check. */
import { parseXml, type XmlElement } from '../../server/src/metadata/parse';
import type { Readiness } from '../../server/src/migrate';
import { TextFile } from '../../server/src/util/text';

/** A Connected App with every field the conversion maps (own fixture, values made up). */
export const FULL_APP = `<?xml version="1.0" encoding="UTF-8"?>
<ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
    <contactEmail>integrations@example.com</contactEmail>
    <contactPhone>+1 555 0100</contactPhone>
    <description>Orders sync &amp; reporting</description>
    <iconUrl>https://example.com/icon.png</iconUrl>
    <infoUrl>https://example.com/info</infoUrl>
    <ipRanges>
        <description>Office</description>
        <end>10.0.0.255</end>
        <start>10.0.0.1</start>
    </ipRanges>
    <label>Orders Sync</label>
    <logoUrl>https://example.com/logo.png</logoUrl>
    <oauthConfig>
        <assetTokenConfig>
            <assetAudiences>https://api.example.com</assetAudiences>
            <assetIncludeAttributes>true</assetIncludeAttributes>
            <assetIncludeCustomPerms>false</assetIncludeCustomPerms>
            <assetSigningCertId>SigningCert</assetSigningCertId>
            <assetValidityPeriod>60</assetValidityPeriod>
        </assetTokenConfig>
        <callbackUrl>https://example.com/callback
https://example.com/other</callbackUrl>
        <certificate>MIIBkTCB+wIJAKHBfpegPjMCMA0GCSqGSIb3DQEBCwUAMBExDzANBgNVBAMMBnVudXNlZDAeFw0y</certificate>
        <consumerKey>3MVG9SECRETKEYVALUE</consumerKey>
        <consumerSecret>SECRETVALUE123</consumerSecret>
        <idTokenConfig>
            <idTokenAudience>orders</idTokenAudience>
            <idTokenIncludeAttributes>true</idTokenIncludeAttributes>
            <idTokenIncludeCustomPerms>true</idTokenIncludeCustomPerms>
            <idTokenIncludeStandardClaims>true</idTokenIncludeStandardClaims>
            <idTokenValidity>5</idTokenValidity>
        </idTokenConfig>
        <isAdminApproved>true</isAdminApproved>
        <isClientCredentialEnabled>true</isClientCredentialEnabled>
        <isCodeCredentialEnabled>true</isCodeCredentialEnabled>
        <isCodeCredentialPostOnly>true</isCodeCredentialPostOnly>
        <isConsumerSecretOptional>false</isConsumerSecretOptional>
        <isDeviceFlowEnabled>false</isDeviceFlowEnabled>
        <isIntrospectAllTokens>false</isIntrospectAllTokens>
        <isNamedUserJwtEnabled>false</isNamedUserJwtEnabled>
        <isPkceRequired>true</isPkceRequired>
        <isRefreshTokenRotationEnabled>true</isRefreshTokenRotationEnabled>
        <isSecretRequiredForRefreshToken>true</isSecretRequiredForRefreshToken>
        <isSecretRequiredForTokenExchange>false</isSecretRequiredForTokenExchange>
        <isTokenExchangeEnabled>false</isTokenExchangeEnabled>
        <oauthClientCredentialUser>orders.integration@example.com</oauthClientCredentialUser>
        <scopes>Api</scopes>
        <scopes>RefreshToken</scopes>
        <scopes>SFAP</scopes>
        <singleLogoutUrl>https://example.com/logout</singleLogoutUrl>
    </oauthConfig>
    <oauthPolicy>
        <ipRelaxation>ENFORCE</ipRelaxation>
        <isTokenExchangeFlowEnabled>false</isTokenExchangeFlowEnabled>
        <refreshTokenPolicy>specific_inactivity:30:DAYS</refreshTokenPolicy>
    </oauthPolicy>
    <permissionSetName>Orders Integration</permissionSetName>
    <permissionSetName>Orders Reader</permissionSetName>
    <profileName>Minimum Access - API Only Integrations</profileName>
    <sessionPolicy>
        <policyAction>Block</policyAction>
        <sessionLevel>STANDARD</sessionLevel>
        <sessionTimeout>120</sessionTimeout>
    </sessionPolicy>
    <startUrl>https://example.com/start</startUrl>
</ConnectedApp>
`;

/** The smallest realistic app: what the README shows. */
export const SMALL_APP = `<?xml version="1.0" encoding="UTF-8"?>
<ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
    <contactEmail>integrations@example.com</contactEmail>
    <label>Orders Sync</label>
    <oauthConfig>
        <callbackUrl>https://login.salesforce.com/services/oauth2/success</callbackUrl>
        <certificate>MIIBkTCB+wIJAKHBfpegPjMCMA0GCSqGSIb3DQEBCwUAMBExDzANBgNVBAMMBnVudXNlZDAeFw0y</certificate>
        <consumerKey>3MVG9SECRETKEYVALUE</consumerKey>
        <isAdminApproved>true</isAdminApproved>
        <isPkceRequired>true</isPkceRequired>
        <scopes>Api</scopes>
        <scopes>RefreshToken</scopes>
    </oauthConfig>
    <oauthPolicy>
        <ipRelaxation>ENFORCE</ipRelaxation>
        <refreshTokenPolicy>specific_inactivity:30:DAYS</refreshTokenPolicy>
    </oauthPolicy>
    <permissionSetName>Orders Integration</permissionSetName>
</ConnectedApp>
`;

export function leafPaths(text: string): string[] {
  const root = parseXml(new TextFile(text)).root;
  const out: string[] = [];
  const walk = (el: XmlElement, prefix: string) => {
    for (const c of el.children) {
      const p = prefix ? `${prefix}/${c.name}` : c.name;
      if (c.children.length === 0) out.push(p);
      else walk(c, p);
    }
  };
  if (root) walk(root, '');
  return out;
}

/** Source leaves that are neither mapped nor unmapped (themselves or through an ancestor). */
export function uncovered(text: string, r: Readiness): string[] {
  const froms = [...r.mapped.map((m) => m.from), ...r.unmapped.map((u) => u.from)];
  return leafPaths(text).filter((p) => !froms.some((f) => f === p || p.startsWith(f + '/')));
}
