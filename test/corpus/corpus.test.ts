/**
 * The engine on real input: every sfdx project of the shared corpus (../shared/corpus, byte-for-byte
 * files from 16 public repositories; reference §6), with the exact set of (file, rule id) findings.
 * Each expected finding is justified from the corpus files and the reference in a comment. Its own
 * suite (`npm run test:corpus`), so a fresh clone's `npm test` needs nothing beside it; this suite
 * needs the corpus, and a missing corpus is a failure, not a skip.
 *
 * The `included` verdicts of the 2GP projects are checked against SDR itself in
 * test/sdr/differential.test.ts; here they are pinned as the reference says they must be.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findProjectRoots, inventoryJson, openProject, type EcaProject } from '../../server/src/engine';
import { nodeFsHost } from '../../server/src/project/fsHost';
import { unattendedFix } from '../../server/src/edits/types';

const CORPUS = path.resolve(process.cwd(), '../shared/corpus');

function requireCorpus(): void {
  assert.ok(
    fs.existsSync(path.join(CORPUS, 'SOURCES.md')),
    `The shared corpus is missing: expected ${CORPUS} (with SOURCES.md). CI clones the repository with shared/ beside it; ` +
      'check it out at ../shared relative to the repository root (the folder the tests run in).',
  );
}

/** No Dev Hub from this machine's sf config leaks into a fix title or a finding. */
const OPTIONS = { devHubEnv: { env: {}, home: path.join(os.tmpdir(), 'eca-lens-no-home') } };

function open(root: string): EcaProject {
  return openProject(root, nodeFsHost, OPTIONS);
}

function findingPairs(project: EcaProject): string[] {
  const out: string[] = [];
  for (const [p, list] of project.checkAll()) for (const f of list) out.push(`${path.relative(project.root, p).split(path.sep).join('/')} ${f.ruleId}`);
  return out.sort();
}

interface Expected {
  /** Project root relative to the repository folder ('' = the folder itself). */
  root: string;
  /** ECA-family files (ConnectedApps included) and how many of them are in a build. */
  files: number;
  included: number;
  /** `<path relative to the project root> <rule id>`, one per finding. */
  findings: string[];
}

const GLBL_JP = 'force-app/main/default/extlClntAppGlobalOauthSets/ecaViaMetadataGlblOAuth.ecaGlblOauth-meta.xml';

const EXPECTED: Record<string, Expected> = {
  // 2GP package "SalesforceMcpLib" (packageDirectories[0].package), no .forceignore anywhere, so all
  // four files under force-app/main/mcp are in the build. SOURCES.md: the GlblOauth and OauthPlcy
  // files were deleted in commit 8927709 "Fix 2GP packaging blockers" — exactly the two errors below.
  'Damecek__salesforce-mcp-lib': {
    root: '',
    files: 4,
    included: 4,
    findings: [
      // §1/§2: ExtlClntAppGlobalOauthSettings is not packageable; it is in the packaged directory and not excluded.
      'force-app/main/mcp/extlClntAppGlobalOauthSets/SalesforceMcpLibGlobal.ecaGlblOauth-meta.xml non-packageable-in-package',
      // §1/§2: ExtlClntAppOauthConfigurablePolicies is not packageable either; same situation.
      'force-app/main/mcp/extlClntAppOauthPolicies/SalesforceMcpLibOauth_defaultPolicy.ecaOauthPlcy-meta.xml non-packageable-in-package',
      // The header is Packaged and these OAuth settings have no <oauthLink> (information severity).
      // NOT justified by the reference: §4 only says an oauthLink from another org breaks a deploy
      // and that one "is generated on deploy when absent". Reported to the rule's owner; pinned here
      // so a change to it is deliberate.
      'force-app/main/mcp/extlClntAppOauthSettings/SalesforceMcpLibOauth.ecaOauth-meta.xml oauth-link-missing',
      // Governance (§7, checked by hand): callbackUrl set and isPkceRequired false (a Packaged app: the
      // message adds the AppExchange requirement, §10); isSecretRequiredForRefreshToken false;
      // permittedUsersPolicyType AllSelfAuthorized. Not flagged: rotation off and 365-day lifetime,
      // because the only scope is Api (no refresh tokens).
      'force-app/main/mcp/extlClntAppGlobalOauthSets/SalesforceMcpLibGlobal.ecaGlblOauth-meta.xml pkce-not-required',
      'force-app/main/mcp/extlClntAppGlobalOauthSets/SalesforceMcpLibGlobal.ecaGlblOauth-meta.xml refresh-secret-not-required',
      'force-app/main/mcp/extlClntAppOauthPolicies/SalesforceMcpLibOauth_defaultPolicy.ecaOauthPlcy-meta.xml permitted-users-self-authorize',
      // global-settings-in-source (§3 "must not be added to source control"): the corpus holds the file as committed upstream, no .gitignore in the project ignores it.
      'force-app/main/mcp/extlClntAppGlobalOauthSets/SalesforceMcpLibGlobal.ecaGlblOauth-meta.xml global-settings-in-source',
    ],
    // Not flagged, rightly: the header is Packaged with a valid orgScopedExternalApp
    // (00DdL00000q1WdD:SalesforceMcpLib); the global settings hold no consumerKey.
  },
  // Plain source project. Its .forceignore is the sf template (package.xml, jsconfig, __tests__).
  'JordanParra96__Salesforce_Projects': {
    root: '',
    files: 4,
    included: 4,
    findings: [
      // §6: a committed consumerKey in global OAuth settings (the element spans two lines: `<consumerKey\n  >3MVG9…`).
      `${GLBL_JP} secret-in-source`,
      // §7: callback URL with isPkceRequired false; permittedUsersPolicyType AllSelfAuthorized.
      `${GLBL_JP} pkce-not-required`,
      'force-app/main/default/extlClntAppOauthPolicies/ecaViaMetadataSettings_defaultPolicy.ecaOauthPlcy-meta.xml permitted-users-self-authorize',
      // global-settings-in-source (§3 "must not be added to source control"): the corpus holds the file as committed upstream, no .gitignore in the project ignores it.
      'force-app/main/default/extlClntAppGlobalOauthSets/ecaViaMetadataGlblOAuth.ecaGlblOauth-meta.xml global-settings-in-source',
    ],
    // oauthLink 00Dbm00000P9Z9p:888bm000000WID7 names the header's org (00Dbm00000P9Z9p): no finding.
  },
  // 10 package directories, none packaged (most are not in the corpus); ${VAR} replacement
  // placeholders (sfdx-project.json "replacements") instead of real values.
  'awesomeandrey__minlopro-dx': {
    root: '',
    files: 27, // 22 ECA files of three apps + 5 legacy ConnectedApps
    included: 27, // its .forceignore names src/**/unpackaged, src/**/post-deploy, …: none of these files
    // No packaging or secret findings: no consumerKey in any of its four global settings; the ${SF_…}
    // certificate is a placeholder, not a key; every satellite names a header in the project; nothing
    // is packaged; the one oauthLink (InformaticaCloud_defOauthSet) has no orgScopedExternalApp.
    // Governance (§7/§8), each checked by hand against the file. Not flagged, rightly: the ${SF_ADMIN_USERNAME}
    // and @SF_USERNAME execution users (placeholders, and replacements cover src/**); http://localhost
    // callbacks; specific_lifetime:1:HOURS, specific_inactivity:2:DAYS and 3/5-day lifetimes; PKCE
    // where isPkceRequired is true; Api-only Loopback ECA scopes… are Basic, Api, Web, RefreshToken,
    // SFApiPlatform (no Full).
    findings: [
      // ConnectedApp (integrations): rotation false with RefreshToken; ENFORCE_RELAXREFRESH; refreshTokenPolicy infinite.
      'src/minlopro-integrations/main/connectedApps/MinloproSalesforceLoopback.connectedApp-meta.xml ip-relaxation-relaxed',
      'src/minlopro-integrations/main/connectedApps/MinloproSalesforceLoopback.connectedApp-meta.xml refresh-token-long-lived',
      'src/minlopro-integrations/main/connectedApps/MinloproSalesforceLoopback.connectedApp-meta.xml refresh-token-rotation-off',
      // ECA Loopback: RefreshToken scope, isRefreshTokenRotationEnabled false; ipRelaxationPolicyType Bypass.
      'src/minlopro-integrations/main/extlClntAppGlobalOauthSets/MinloproSalesforceLoopback_glbloauth.ecaGlblOauth-meta.xml refresh-token-rotation-off',
      'src/minlopro-integrations/main/extlClntAppOauthPolicies/MinloproSalesforceLoopback_oauthPlcy.ecaOauthPlcy-meta.xml ip-relaxation-relaxed',
      // ECA Mcp: refresh scope with rotation false (its isSecretRequiredForRefreshToken false is a
      // public client with PKCE: consumer secret optional + PKCE required, so not flagged).
      'src/minlopro-mcp/main/extlClntAppGlobalOauthSets/MinloproSalesforceMcp_glbloauth.ecaGlblOauth-meta.xml refresh-token-rotation-off',
      // ConnectedApp InformaticaCloud (two copies): rotation false + RefreshToken; <scopes>Full; BYPASS; infinite.
      'src/minlopro/informatica-cloud/connectedApps/InformaticaCloud.connectedApp-meta.xml ip-relaxation-relaxed',
      'src/minlopro/informatica-cloud/connectedApps/InformaticaCloud.connectedApp-meta.xml refresh-token-long-lived',
      'src/minlopro/informatica-cloud/connectedApps/InformaticaCloud.connectedApp-meta.xml refresh-token-rotation-off',
      'src/minlopro/informatica-cloud/connectedApps/InformaticaCloud.connectedApp-meta.xml scope-full',
      'src/minlopro/proof-of-concept/lm-informatica-cloud/connectedApps/InformaticaCloud.connectedApp-meta.xml ip-relaxation-relaxed',
      'src/minlopro/proof-of-concept/lm-informatica-cloud/connectedApps/InformaticaCloud.connectedApp-meta.xml refresh-token-long-lived',
      'src/minlopro/proof-of-concept/lm-informatica-cloud/connectedApps/InformaticaCloud.connectedApp-meta.xml refresh-token-rotation-off',
      'src/minlopro/proof-of-concept/lm-informatica-cloud/connectedApps/InformaticaCloud.connectedApp-meta.xml scope-full',
      // ConnectedApp Loopback (main): <scopes>Full; ENFORCE_RELAXREFRESH (rotation and PKCE are on).
      'src/minlopro/main/connectedApps/MinloproSalesforceLoopback.connectedApp-meta.xml ip-relaxation-relaxed',
      'src/minlopro/main/connectedApps/MinloproSalesforceLoopback.connectedApp-meta.xml scope-full',
      // SFDC_CCF_Echo: secret optional + PKCE false; callback with PKCE false; refresh secret false;
      // rotation false + RefreshToken; Full; BYPASS.
      'src/minlopro/main/connectedApps/SFDC_CCF_Echo.connectedApp-meta.xml consumer-secret-optional',
      'src/minlopro/main/connectedApps/SFDC_CCF_Echo.connectedApp-meta.xml ip-relaxation-relaxed',
      'src/minlopro/main/connectedApps/SFDC_CCF_Echo.connectedApp-meta.xml pkce-not-required',
      'src/minlopro/main/connectedApps/SFDC_CCF_Echo.connectedApp-meta.xml refresh-secret-not-required',
      'src/minlopro/main/connectedApps/SFDC_CCF_Echo.connectedApp-meta.xml refresh-token-rotation-off',
      'src/minlopro/main/connectedApps/SFDC_CCF_Echo.connectedApp-meta.xml scope-full',
      // SFDC_JWT_Echo: the same, rotation absent (at oauthConfig), refreshTokenPolicy infinite.
      'src/minlopro/main/connectedApps/SFDC_JWT_Echo.connectedApp-meta.xml consumer-secret-optional',
      'src/minlopro/main/connectedApps/SFDC_JWT_Echo.connectedApp-meta.xml pkce-not-required',
      'src/minlopro/main/connectedApps/SFDC_JWT_Echo.connectedApp-meta.xml refresh-secret-not-required',
      'src/minlopro/main/connectedApps/SFDC_JWT_Echo.connectedApp-meta.xml refresh-token-long-lived',
      'src/minlopro/main/connectedApps/SFDC_JWT_Echo.connectedApp-meta.xml refresh-token-rotation-off',
      'src/minlopro/main/connectedApps/SFDC_JWT_Echo.connectedApp-meta.xml scope-full',
      // connected-app-migration (information), one per ConnectedApp, checked by hand: none has Canvas,
      // a plugin, mobile/push, SAML or provisioning, and each has a callback URL (so no username-password
      // note): all convertible → header, OAuth settings, global OAuth settings, OAuth policies. The
      // integrations Loopback and the proof-of-concept InformaticaCloud already have their four ECA
      // files beside them (migrated in the repository): "All 4 files exist already", no fix; the other
      // four get the "Create External Client App" suggestion.
      'src/minlopro-integrations/main/connectedApps/MinloproSalesforceLoopback.connectedApp-meta.xml connected-app-migration',
      'src/minlopro/informatica-cloud/connectedApps/InformaticaCloud.connectedApp-meta.xml connected-app-migration',
      'src/minlopro/main/connectedApps/MinloproSalesforceLoopback.connectedApp-meta.xml connected-app-migration',
      'src/minlopro/main/connectedApps/SFDC_CCF_Echo.connectedApp-meta.xml connected-app-migration',
      'src/minlopro/main/connectedApps/SFDC_JWT_Echo.connectedApp-meta.xml connected-app-migration',
      'src/minlopro/proof-of-concept/lm-informatica-cloud/connectedApps/InformaticaCloud.connectedApp-meta.xml connected-app-migration',
      // ECA InformaticaCloud (duplicate _def* files): Full, RefreshToken scopes with rotation false in
      // both global settings; Bypass in both policies; Infinite in _defOauthPlcy (the other is 5 Days).
      'src/minlopro/proof-of-concept/lm-informatica-cloud/extlClntAppGlobalOauthSets/InformaticaCloud_defGlblOauthSet.ecaGlblOauth-meta.xml refresh-token-rotation-off',
      'src/minlopro/proof-of-concept/lm-informatica-cloud/extlClntAppGlobalOauthSets/InformaticaCloud_glbloauth.ecaGlblOauth-meta.xml refresh-token-rotation-off',
      'src/minlopro/proof-of-concept/lm-informatica-cloud/extlClntAppOauthPolicies/InformaticaCloud_defOauthPlcy.ecaOauthPlcy-meta.xml ip-relaxation-relaxed',
      'src/minlopro/proof-of-concept/lm-informatica-cloud/extlClntAppOauthPolicies/InformaticaCloud_defOauthPlcy.ecaOauthPlcy-meta.xml refresh-token-long-lived',
      'src/minlopro/proof-of-concept/lm-informatica-cloud/extlClntAppOauthPolicies/InformaticaCloud_oauthPlcy.ecaOauthPlcy-meta.xml ip-relaxation-relaxed',
      'src/minlopro/proof-of-concept/lm-informatica-cloud/extlClntAppOauthSettings/InformaticaCloud_defOauthSet.ecaOauth-meta.xml scope-full',
      'src/minlopro/proof-of-concept/lm-informatica-cloud/extlClntAppOauthSettings/InformaticaCloud_oauth.ecaOauth-meta.xml scope-full',
      // global-settings-in-source for the 4 global files (§3 "must not be added to source control"): the corpus holds the file as committed upstream, no .gitignore in the project ignores it. preauthorized-name-unresolved: every named permission set/profile (ConnectedApp permissionSetName/profileName, policies' comma-separated lists, one per name; "&amp;" decoded) has no *.permissionset-meta.xml / *.profile-meta.xml in the corpus (ECA-family files only). preauthorized-admin-access: SFDC_CCF_Echo and SFDC_JWT_Echo pre-authorise <profileName>System Administrator</profileName> (§7).
      'src/minlopro-integrations/main/connectedApps/MinloproSalesforceLoopback.connectedApp-meta.xml preauthorized-name-unresolved',
      'src/minlopro-integrations/main/connectedApps/MinloproSalesforceLoopback.connectedApp-meta.xml preauthorized-name-unresolved',
      'src/minlopro-integrations/main/connectedApps/MinloproSalesforceLoopback.connectedApp-meta.xml preauthorized-name-unresolved',
      'src/minlopro-integrations/main/extlClntAppGlobalOauthSets/MinloproSalesforceLoopback_glbloauth.ecaGlblOauth-meta.xml global-settings-in-source',
      'src/minlopro-integrations/main/extlClntAppOauthPolicies/MinloproSalesforceLoopback_oauthPlcy.ecaOauthPlcy-meta.xml preauthorized-name-unresolved',
      'src/minlopro-integrations/main/extlClntAppOauthPolicies/MinloproSalesforceLoopback_oauthPlcy.ecaOauthPlcy-meta.xml preauthorized-name-unresolved',
      'src/minlopro-integrations/main/extlClntAppOauthPolicies/MinloproSalesforceLoopback_oauthPlcy.ecaOauthPlcy-meta.xml preauthorized-name-unresolved',
      'src/minlopro-mcp/main/extlClntAppGlobalOauthSets/MinloproSalesforceMcp_glbloauth.ecaGlblOauth-meta.xml global-settings-in-source',
      'src/minlopro-mcp/main/extlClntAppOauthPolicies/MinloproSalesforceMcp_oauthPlcy.ecaOauthPlcy-meta.xml preauthorized-name-unresolved',
      'src/minlopro/informatica-cloud/connectedApps/InformaticaCloud.connectedApp-meta.xml preauthorized-name-unresolved',
      'src/minlopro/main/connectedApps/MinloproSalesforceLoopback.connectedApp-meta.xml preauthorized-name-unresolved',
      'src/minlopro/main/connectedApps/MinloproSalesforceLoopback.connectedApp-meta.xml preauthorized-name-unresolved',
      'src/minlopro/main/connectedApps/MinloproSalesforceLoopback.connectedApp-meta.xml preauthorized-name-unresolved',
      'src/minlopro/main/connectedApps/SFDC_CCF_Echo.connectedApp-meta.xml preauthorized-admin-access',
      'src/minlopro/main/connectedApps/SFDC_CCF_Echo.connectedApp-meta.xml preauthorized-name-unresolved',
      'src/minlopro/main/connectedApps/SFDC_JWT_Echo.connectedApp-meta.xml preauthorized-admin-access',
      'src/minlopro/proof-of-concept/lm-informatica-cloud/connectedApps/InformaticaCloud.connectedApp-meta.xml preauthorized-name-unresolved',
      'src/minlopro/proof-of-concept/lm-informatica-cloud/extlClntAppGlobalOauthSets/InformaticaCloud_defGlblOauthSet.ecaGlblOauth-meta.xml global-settings-in-source',
      'src/minlopro/proof-of-concept/lm-informatica-cloud/extlClntAppGlobalOauthSets/InformaticaCloud_glbloauth.ecaGlblOauth-meta.xml global-settings-in-source',
      'src/minlopro/proof-of-concept/lm-informatica-cloud/extlClntAppOauthPolicies/InformaticaCloud_defOauthPlcy.ecaOauthPlcy-meta.xml preauthorized-name-unresolved',
      'src/minlopro/proof-of-concept/lm-informatica-cloud/extlClntAppOauthPolicies/InformaticaCloud_oauthPlcy.ecaOauthPlcy-meta.xml preauthorized-name-unresolved',
      'src/minlopro/proof-of-concept/lm-informatica-cloud/extlClntAppOauthPolicies/InformaticaCloud_oauthPlcy.ecaOauthPlcy-meta.xml preauthorized-name-unresolved',
    ],
  },
  'chrzasz__sf-th-eca-via-metadata': {
    root: '',
    files: 4,
    included: 4,
    findings: [
      // §6: committed consumerKey (3MVG9k02…) in global OAuth settings.
      'force-app/main/default/extlClntAppGlobalOauthSets/ecaViaMetadataGlblOAuth.ecaGlblOauth-meta.xml secret-in-source',
      // §7: callback URL with isPkceRequired false; AllSelfAuthorized. (Scopes Api, Web, OpenID: no refresh tokens.)
      'force-app/main/default/extlClntAppGlobalOauthSets/ecaViaMetadataGlblOAuth.ecaGlblOauth-meta.xml pkce-not-required',
      'force-app/main/default/extlClntAppOauthPolicies/ecaViaMetadataSettings_defaultPolicy.ecaOauthPlcy-meta.xml permitted-users-self-authorize',
      // global-settings-in-source (§3 "must not be added to source control"): the corpus holds the file as committed upstream, no .gitignore in the project ignores it.
      'force-app/main/default/extlClntAppGlobalOauthSets/ecaViaMetadataGlblOAuth.ecaGlblOauth-meta.xml global-settings-in-source',
    ],
  },
  'devakshaygupta__SurveyApplication': {
    root: '',
    files: 3,
    included: 3,
    // No consumerKey, no oauthLink, a Local header without orgScopedExternalApp (allowed for Local).
    // §7: a callback URL with isPkceRequired false (no policies file: permitted users unknown).
    findings: [
      'force-app/main/default/extlClntAppGlobalOauthSets/ecaViaMetadataGlblOAuth.ecaGlblOauth-meta.xml pkce-not-required',
      // global-settings-in-source (§3 "must not be added to source control"): the corpus holds the file as committed upstream, no .gitignore in the project ignores it.
      'force-app/main/default/extlClntAppGlobalOauthSets/ecaViaMetadataGlblOAuth.ecaGlblOauth-meta.xml global-settings-in-source',
    ],
  },
  'ilrhea__External-Client-App': {
    root: '',
    files: 4,
    included: 4,
    findings: [
      // §6: committed consumerKey (3MVG9WVX…). Its .forceignore's `**/*.ts`, `**/tsconfig.json` exclude no ECA file.
      'force-app/main/default/extlClntAppGlobalOauthSets/ecaViaMetadataGlblOAuth.ecaGlblOauth-meta.xml secret-in-source',
      // §7: callback URL with isPkceRequired false; AllSelfAuthorized.
      'force-app/main/default/extlClntAppGlobalOauthSets/ecaViaMetadataGlblOAuth.ecaGlblOauth-meta.xml pkce-not-required',
      'force-app/main/default/extlClntAppOauthPolicies/ecaViaMetadataSettings_defaultPolicy.ecaOauthPlcy-meta.xml permitted-users-self-authorize',
      // global-settings-in-source (§3 "must not be added to source control"): the corpus holds the file as committed upstream, no .gitignore in the project ignores it.
      'force-app/main/default/extlClntAppGlobalOauthSets/ecaViaMetadataGlblOAuth.ecaGlblOauth-meta.xml global-settings-in-source',
    ],
  },
  'lzdravkov__rlm-agent-config-concept': {
    root: '',
    files: 4,
    included: 4,
    // XML comments before the root, no consumerKey, Local app: no packaging finding. (Client credentials
    // are enabled without a Run As user; that is set in the UI, as the file's own comment says.)
    findings: [
      // §7: a callback URL (the web-server flow stays possible) with isPkceRequired false; refresh
      // secret false; RefreshToken scope with no isRefreshTokenRotationEnabled (off by default).
      'force-app/main/default/extlClntAppGlobalOauthSets/RevenueAgent_Headless.ecaGlblOauth-meta.xml pkce-not-required',
      'force-app/main/default/extlClntAppGlobalOauthSets/RevenueAgent_Headless.ecaGlblOauth-meta.xml refresh-secret-not-required',
      'force-app/main/default/extlClntAppGlobalOauthSets/RevenueAgent_Headless.ecaGlblOauth-meta.xml refresh-token-rotation-off',
      // The policies file has neither permittedUsersPolicyType nor refreshTokenPolicyType: the platform
      // defaults AllSelfAuthorized and SpecificLifetime 365 Days apply (§7), reported at the root tag.
      'force-app/main/default/extlClntAppOauthPolicies/RevenueAgent_Headless.ecaOauthPlcy-meta.xml permitted-users-self-authorize',
      'force-app/main/default/extlClntAppOauthPolicies/RevenueAgent_Headless.ecaOauthPlcy-meta.xml refresh-token-long-lived',
      // global-settings-in-source (§3 "must not be added to source control"): the corpus holds the file as committed upstream, no .gitignore in the project ignores it.
      'force-app/main/default/extlClntAppGlobalOauthSets/RevenueAgent_Headless.ecaGlblOauth-meta.xml global-settings-in-source',
    ],
  },
  'nruiz209487__Salesforce-Learning-Code-Archive': {
    root: '',
    files: 9,
    included: 9,
    findings: [
      // §6: two committed consumerKeys (3MVG9k02hQhyUgQAXVJL…), one per global settings file.
      'force-app/main/default/extlClntAppGlobalOauthSets/Customer_Order_Status_glbloauth.ecaGlblOauth-meta.xml secret-in-source',
      'force-app/main/default/extlClntAppGlobalOauthSets/ecaViaMetadataGlblOAuth.ecaGlblOauth-meta.xml secret-in-source',
      // §7, both apps: callback URL with isPkceRequired false; AllSelfAuthorized (scopes Api, Web, OpenID).
      'force-app/main/default/extlClntAppGlobalOauthSets/Customer_Order_Status_glbloauth.ecaGlblOauth-meta.xml pkce-not-required',
      'force-app/main/default/extlClntAppGlobalOauthSets/ecaViaMetadataGlblOAuth.ecaGlblOauth-meta.xml pkce-not-required',
      'force-app/main/default/extlClntAppOauthPolicies/Customer_Order_Status_oauthPlcy.ecaOauthPlcy-meta.xml permitted-users-self-authorize',
      'force-app/main/default/extlClntAppOauthPolicies/ecaViaMetadataSettings_defaultPolicy.ecaOauthPlcy-meta.xml permitted-users-self-authorize',
      // global-settings-in-source (§3 "must not be added to source control"): the corpus holds the file as committed upstream, no .gitignore in the project ignores it.
      'force-app/main/default/extlClntAppGlobalOauthSets/Customer_Order_Status_glbloauth.ecaGlblOauth-meta.xml global-settings-in-source',
      'force-app/main/default/extlClntAppGlobalOauthSets/ecaViaMetadataGlblOAuth.ecaGlblOauth-meta.xml global-settings-in-source',
    ],
    // Both oauthLinks name org 00DQy00000WBreT, the org of their headers; `as` is a header alone.
  },
  'ramsayp__consultant_project': {
    root: '',
    files: 2,
    included: 2,
    // Header + OAuth settings, oauthLink in the header's org (00Dg5000009zXWb): nothing to report.
    findings: [],
  },
  // The sfdx project is in the sfdx/ subfolder; package directory hxl-viewer is not in the corpus.
  'salesforce-misc__h360-sf-workshop': {
    root: 'sfdx',
    files: 4,
    included: 4,
    findings: [
      // §4/§6: placeholder org id "00D-XXXXXXXXXXXXXX:Headless360_MCP_Client" fails validation on deploy.
      'force-app/main/default/externalClientApps/Headless360_MCP_Client.eca-meta.xml org-scoped-app-invalid',
      // §7: AllSelfAuthorized. Not flagged, rightly: PKCE and rotation on, a 30-day idle limit, the
      // http://localhost callback, refresh secret false on a public client with PKCE.
      'force-app/main/default/extlClntAppOauthPolicies/Headless360_MCP_Client_oauthPlcy.ecaOauthPlcy-meta.xml permitted-users-self-authorize',
      // global-settings-in-source (§3 "must not be added to source control"): the corpus holds the file as committed upstream, no .gitignore in the project ignores it.
      'force-app/main/default/extlClntAppGlobalOauthSets/Headless360_MCP_Client_glbloauth.ecaGlblOauth-meta.xml global-settings-in-source',
    ],
  },
  // 2GP managed package "MDAPI Demo" (namespace FT_Test): only the Packaged header, with a valid
  // orgScopedExternalApp (00D0o000001RuTm:Field_Create_MDAPI), no .forceignore: it ships, nothing to report.
  'shakthi-sfdc__External-Client-App-For-2G-Package': {
    root: '',
    files: 1,
    included: 1,
    findings: [],
  },
  // 2GP managed package "TwinaForms". Its .forceignore excludes every ECA folder under
  // force-app/main/default, its own packaged header and OAuth settings included (§6).
  'yositwina__NativeForms': {
    root: '',
    files: 7, // 6 under force-app + 1 under SalesforcePackage/ (outside every package directory)
    included: 0,
    findings: [
      // global-settings-in-source (§3 "must not be added to source control"): committed upstream; no .gitignore in the project.
      'force-app/main/default/extlClntAppGlobalOauthSets/NativForms_glbloauth.ecaGlblOauth-meta.xml global-settings-in-source',
      // §2.9: line 6 names "extlClntAppOauthConfigurablePolicies", a folder that does not exist (the
      // real one, extlClntAppOauthPolicies, is on line 7): the line excludes nothing.
      '.forceignore forceignore-unknown-directory',
      // §6: the Packaged header of the packaged directory is excluded by line 4
      // (force-app/main/default/externalClientApps/**): package TwinaForms ships without its app.
      'force-app/main/default/externalClientApps/NativForms.eca-meta.xml packageable-excluded',
      // §6: committed consumerKey (3MVG9dAE…). In git even though .forceignore keeps it out of the package.
      'force-app/main/default/extlClntAppGlobalOauthSets/NativForms_glbloauth.ecaGlblOauth-meta.xml secret-in-source',
      // The OAuth settings may ship (§2) but line 5 excludes them.
      'force-app/main/default/extlClntAppOauthSettings/NativForms_oauth.ecaOauth-meta.xml packageable-excluded',
      // §6: a satellite pointing at an app that is not in the repository (NativeForms_Connected_App).
      // The file is excluded by line 8, so it can break neither the package nor a deploy; the rule
      // still reports it as an error (a severity question left to the rule's owner).
      'force-app/main/default/extlClntAppPolicies/NativeForms_Connected_App_plcy.ecaPlcy-meta.xml orphan-satellite',
      // §7: isCodeCredFlowEnabled and a callback URL with isPkceRequired false; Api, RefreshToken
      // scopes with rotation false; AllSelfAuthorized; SpecificLifetime 365 Days (information).
      'force-app/main/default/extlClntAppGlobalOauthSets/NativForms_glbloauth.ecaGlblOauth-meta.xml pkce-not-required',
      'force-app/main/default/extlClntAppGlobalOauthSets/NativForms_glbloauth.ecaGlblOauth-meta.xml refresh-token-rotation-off',
      'force-app/main/default/extlClntAppOauthPolicies/NativForms_oauthPlcy.ecaOauthPlcy-meta.xml permitted-users-self-authorize',
      'force-app/main/default/extlClntAppOauthPolicies/NativForms_oauthPlcy.ecaOauthPlcy-meta.xml refresh-token-long-lived',
      // The Dev Hub copy under SalesforcePackage/: AllSelfAuthorized and Infinite (warning).
      'SalesforcePackage/devhub-external-client-app/extlClntAppOauthPolicies/NativForms_oauthPlcy.ecaOauthPlcy-meta.xml permitted-users-self-authorize',
      'SalesforcePackage/devhub-external-client-app/extlClntAppOauthPolicies/NativForms_oauthPlcy.ecaOauthPlcy-meta.xml refresh-token-long-lived',
    ],
    // Not flagged, rightly: the excluded global settings and policies (non-packageable-in-package
    // needs the file in the build); the oauthLink names the header's org (00DgL00000C9obQ); the
    // policies file under SalesforcePackage/ is outside every package directory and names NativForms.
  },
};

/** Repositories of the corpus that hold only a ConnectedApp file and no sfdx-project.json. */
const NOT_PROJECTS = ['Thomas-Raj-SF__salesforce_githubactions', 'carestone-sf__salesforce', 'jxbambrick__Dreamforce-Advanced-CLI', 'souders15__blackthorn-assessment'];

test('corpus: every repository folder is either a listed sfdx project or a listed ConnectedApp-only folder', () => {
  requireCorpus();
  const dirs = fs.readdirSync(CORPUS, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  assert.deepEqual(dirs, [...Object.keys(EXPECTED), ...NOT_PROJECTS].sort(), 'a new corpus folder needs its expected findings here');
  for (const name of Object.keys(EXPECTED)) {
    const roots = findProjectRoots(path.join(CORPUS, name), nodeFsHost);
    assert.deepEqual(roots, [path.join(CORPUS, name, EXPECTED[name]!.root)], name);
  }
  for (const name of NOT_PROJECTS) assert.deepEqual(findProjectRoots(path.join(CORPUS, name), nodeFsHost), [], name);
});

for (const [name, exp] of Object.entries(EXPECTED)) {
  test(`corpus ${name}: exact findings, inventory and verdicts`, () => {
    requireCorpus();
    const project = open(path.join(CORPUS, name, exp.root));
    assert.deepEqual(findingPairs(project), [...exp.findings].sort());
    const inv = inventoryJson(project);
    assert.equal(inv.length, exp.files, 'ECA-family files');
    assert.equal(inv.filter((f) => f.included).length, exp.included, 'files in a build');
    assert.ok(inv.every((f) => f.type), 'every corpus file has a name SDR recognises');
    // No rule crashed on real input (a crash becomes a hint "ECA Lens rule … failed").
    for (const list of project.checkAll().values()) {
      for (const f of list) {
        assert.doesNotMatch(f.message, /ECA Lens rule .* failed/);
        // A rule's claim about its lazy fixes (RawFinding.autoFixable) is what building them shows.
        if (f.autoFixable !== undefined) assert.equal(f.autoFixable, !!unattendedFix(f.fixes), `${f.ruleId} ${f.path}`);
      }
    }
  });
}

test('corpus 2GP projects: the packaged directories and what ships (reference §6)', () => {
  requireCorpus();
  const verdicts = (name: string) => Object.fromEntries(inventoryJson(open(path.join(CORPUS, name))).map((f) => [f.path, [f.packageDirectory, f.included]]));
  assert.deepEqual(verdicts('Damecek__salesforce-mcp-lib'), {
    'force-app/main/mcp/externalClientApps/SalesforceMcpLib.eca-meta.xml': ['force-app', true],
    'force-app/main/mcp/extlClntAppGlobalOauthSets/SalesforceMcpLibGlobal.ecaGlblOauth-meta.xml': ['force-app', true],
    'force-app/main/mcp/extlClntAppOauthPolicies/SalesforceMcpLibOauth_defaultPolicy.ecaOauthPlcy-meta.xml': ['force-app', true],
    'force-app/main/mcp/extlClntAppOauthSettings/SalesforceMcpLibOauth.ecaOauth-meta.xml': ['force-app', true],
  });
  assert.deepEqual(verdicts('shakthi-sfdc__External-Client-App-For-2G-Package'), {
    'force-app/main/default/externalClientApps/Field_Create_MDAPI.eca-meta.xml': ['force-app', true],
  });
  assert.deepEqual(verdicts('yositwina__NativeForms'), {
    'SalesforcePackage/devhub-external-client-app/extlClntAppOauthPolicies/NativForms_oauthPlcy.ecaOauthPlcy-meta.xml': [null, false],
    'force-app/main/default/externalClientApps/NativForms.eca-meta.xml': ['force-app', false],
    'force-app/main/default/extlClntAppGlobalOauthSets/NativForms_glbloauth.ecaGlblOauth-meta.xml': ['force-app', false],
    'force-app/main/default/extlClntAppOauthPolicies/NativForms_oauthPlcy.ecaOauthPlcy-meta.xml': ['force-app', false],
    'force-app/main/default/extlClntAppOauthSettings/NativForms_oauth.ecaOauth-meta.xml': ['force-app', false],
    'force-app/main/default/extlClntAppPolicies/NativForms_plcy.ecaPlcy-meta.xml': ['force-app', false],
    'force-app/main/default/extlClntAppPolicies/NativeForms_Connected_App_plcy.ecaPlcy-meta.xml': ['force-app', false],
  });
  // The exclusions point at the lines that cause them (1-based: header line 4, OAuth settings line 5).
  const p = open(path.join(CORPUS, 'yositwina__NativeForms'));
  const line = (rel: string) => p.file(path.join(p.root, rel))?.exclusion?.info.line?.line;
  assert.equal(line('force-app/main/default/externalClientApps/NativForms.eca-meta.xml'), 3);
  assert.equal(line('force-app/main/default/extlClntAppOauthSettings/NativForms_oauth.ecaOauth-meta.xml'), 4);
  assert.equal(line('force-app/main/default/extlClntAppOauthPolicies/NativForms_oauthPlcy.ecaOauthPlcy-meta.xml'), 6);
});

/**
 * The governance rules (§7/§8) on those ConnectedApps, checked by hand. `Full` alone issues no refresh
 * token, so the Postman/GitHub apps' `infinite` refresh policy is not flagged.
 */
const CA_DIR = 'force-app/main/default/connectedApps';
const CONNECTED_APP_GOVERNANCE: Record<string, string[]> = {
  // Api, Web, Full, RefreshToken; rotation false; infinite. (PKCE true, admin approved, localhost callback.)
  'Thomas-Raj-SF__salesforce_githubactions': ['refresh-token-long-lived', 'refresh-token-rotation-off', 'scope-full'].map((r) => `${CA_DIR}/Jenkins.connectedApp-meta.xml ${r}`),
  // Full; isAdminApproved false; https callback without isPkceRequired.
  'carestone-sf__salesforce': ['permitted-users-self-authorize', 'pkce-not-required', 'scope-full'].map((r) => `${CA_DIR}/Postman.connectedApp-meta.xml ${r}`),
  // Full; https callback without isPkceRequired (admin approved).
  'jxbambrick__Dreamforce-Advanced-CLI': ['pkce-not-required', 'scope-full'].map((r) => `${CA_DIR}/GitHub_Actions.connectedApp-meta.xml ${r}`),
  // Api only; isAdminApproved false; callbacks without isPkceRequired.
  'souders15__blackthorn-assessment': ['permitted-users-self-authorize', 'pkce-not-required'].map((r) => `${CA_DIR}/Postman.connectedApp-meta.xml ${r}`),
};

test('corpus ConnectedApp-only folders: the engine reads them (typed ConnectedApp) and reports the missing sfdx-project.json and the governance findings', () => {
  requireCorpus();
  for (const name of NOT_PROJECTS) {
    const p = open(path.join(CORPUS, name));
    const inv = inventoryJson(p);
    assert.equal(inv.length, 1, name);
    assert.equal(inv[0]!.type, 'ConnectedApp', name);
    assert.equal(inv[0]!.included, false, `${name}: no package directory, nothing in a build`);
    // Thomas-Raj-SF's Jenkins app pre-authorises <profileName>System Administrator</profileName>
    // (line 31): preauthorized-admin-access (§7). The other three name no profile or permission set.
    const admin = name === 'Thomas-Raj-SF__salesforce_githubactions' ? [`${CA_DIR}/Jenkins.connectedApp-meta.xml preauthorized-admin-access`] : [];
    // connected-app-migration on each (checked by hand): Postman ×2, GitHub_Actions and Jenkins have a
    // callback URL and no Canvas/plugin/mobile/SAML/provisioning: convertible → the four ECA files
    // (with a synthetic project: beside connectedApps/), not carried over: the consumerKey where set.
    const migration = CONNECTED_APP_GOVERNANCE[name]![0]!.replace(/ \S+$/, ' connected-app-migration');
    assert.deepEqual(findingPairs(p), ['sfdx-project.json sfdx-project-invalid', migration, ...CONNECTED_APP_GOVERNANCE[name]!, ...admin].sort(), name);
  }
});
