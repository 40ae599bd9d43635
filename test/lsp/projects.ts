/**
 * Projects for the language server tests, and an isolated home folder so the offline Dev Hub
 * lookup never reads the machine's sf CLI config.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fixture, header, oauthSettings, globalSettings, oauthPolicies, pluginPolicies, type Fixture } from '../helpers/fixture';

export const HOME = fs.mkdtempSync(path.join(os.tmpdir(), 'eca-lens-home-'));
process.env.HOME = HOME;
delete process.env.SF_TARGET_DEV_HUB;
delete process.env.SFDX_DEFAULTDEVHUBUSERNAME;

export const D = 'force-app/main/default';
export const F = {
  billing: `${D}/externalClientApps/Billing.eca-meta.xml`,
  billingOauth: `${D}/extlClntAppOauthSettings/Billing_oauth.ecaOauth-meta.xml`,
  billingGlobal: `${D}/extlClntAppGlobalOauthSets/Billing_glbloauth.ecaGlblOauth-meta.xml`,
  billingPolicy: `${D}/extlClntAppOauthPolicies/Billing_oauthPlcy.ecaOauthPlcy-meta.xml`,
  reports: `${D}/externalClientApps/Reports.eca-meta.xml`,
  reportsPlugin: `${D}/extlClntAppPolicies/Reports_plcy.ecaPlcy-meta.xml`,
  forceignore: '.forceignore',
  project: 'sfdx-project.json',
};

export const TEXT = {
  billing: header('    <contactEmail>a@b.co</contactEmail>\n    <distributionState>Local</distributionState>\n    <label>Billing</label>\n'),
  billingOauth: oauthSettings('    <commaSeparatedOauthScopes>Api</commaSeparatedOauthScopes>\n    <externalClientApplication>Billing</externalClientApplication>\n    <label>Billing_oauth</label>\n'),
  billingGlobal: globalSettings(
    '    <callbackUrl>https://example.com/cb</callbackUrl>\n    <consumerKey>3MVG9notArealKey</consumerKey>\n    <externalClientApplication>Billing</externalClientApplication>\n    <isPkceRequired>true</isPkceRequired>\n    <label>Billing_glbloauth</label>\n',
  ),
  billingPolicy: oauthPolicies('    <externalClientApplication>Billing</externalClientApplication>\n    <ipRelaxationPolicyType>Enforce</ipRelaxationPolicyType>\n    <label>Billing_oauthPlcy</label>\n    <permittedUsersPolicyType>AdminApprovedPreAuthorized</permittedUsersPolicyType>\n'),
  reports: header('    <contactEmail>r@b.co</contactEmail>\n    <distributionState>Packaged</distributionState>\n    <label>Reports</label>\n'),
  reportsPlugin: pluginPolicies('    <externalClientApplication>Reports</externalClientApplication>\n    <isEnabled>true</isEnabled>\n    <label>Reports_plcy</label>\n'),
  forceignore: '# keep what cannot be packaged out\n**/extlClntAppOauthPolicies/**\n**/extlClntAppPolicies/**\n',
};

/**
 * Two apps in a packaged directory. Expected findings:
 * - Billing.eca: distribution-state-not-packaged (Local);
 * - Billing_glbloauth: non-packageable-in-package, secret-in-source (consumer key); PKCE is
 *   required and the policies pre-authorize, so the governance rules stay quiet;
 * - Reports.eca: org-scoped-app-missing (Packaged, no Dev Hub known: a snippet fix);
 * the OAuth and plugin policies are excluded by `.forceignore` and raise nothing.
 */
export function twoApps(extra: Record<string, string | Uint8Array | null> = {}): Fixture {
  return fixture({
    [F.billing]: TEXT.billing,
    [F.billingOauth]: TEXT.billingOauth,
    [F.billingGlobal]: TEXT.billingGlobal,
    [F.billingPolicy]: TEXT.billingPolicy,
    [F.reports]: TEXT.reports,
    [F.reportsPlugin]: TEXT.reportsPlugin,
    [F.forceignore]: TEXT.forceignore,
    ...extra,
  });
}

/** Position of the first occurrence of `needle` in `text`. */
export function posOf(text: string, needle: string, after = 0): { line: number; character: number } {
  const i = text.indexOf(needle, after);
  if (i < 0) throw new Error(`"${needle}" not in text`);
  const before = text.slice(0, i).split('\n');
  return { line: before.length - 1, character: before[before.length - 1]!.length };
}

export function rangeOf(text: string, needle: string) {
  const start = posOf(text, needle);
  const lines = needle.split('\n');
  const end = lines.length === 1 ? { line: start.line, character: start.character + needle.length } : { line: start.line + lines.length - 1, character: lines[lines.length - 1]!.length };
  return { start, end };
}

export const wholeFile = { start: { line: 0, character: 0 }, end: { line: 10000, character: 0 } };
