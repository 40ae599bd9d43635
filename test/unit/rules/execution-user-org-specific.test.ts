import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { CA, P, connectedApp, expectNone, expectOne, plcy } from '../../helpers/oauth';

const ID = 'execution-user-org-specific';
const p = (user: string) => plcy(`    <clientCredentialsFlowUser>${user}</clientCredentialsFlowUser>\n`, '    <isClientCredentialsFlowEnabled>true</isClientCredentialsFlowEnabled>\n');
const project = (replacements: unknown[]) => JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true }], replacements });

test(`${ID}: a username in the policies: information at the value, no fix`, () => {
  expectOne({ [P.oauthPolicy]: p('⟦integration@acme.com.prod⟧') }, P.oauthPolicy, ID, (f) => {
    assert.equal(f.severity, 'information');
    assert.match(f.message, /"integration@acme.com.prod" exists in one org only: .*Enter a valid execution user for the OAuth client credentials flow/);
    assert.equal(f.fixes.length, 0);
  });
});

test(`${ID}: Connected App oauthClientCredentialUser`, () => {
  expectOne({ [CA]: connectedApp('        <callbackUrl>https://x.example/cb</callbackUrl>\n        <isClientCredentialEnabled>true</isClientCredentialEnabled>\n        <oauthClientCredentialUser>⟦ci@acme.com⟧</oauthClientCredentialUser>\n') }, CA, ID);
});

test(`${ID}: silent for placeholders`, () => {
  for (const v of ['${SF_INTEGRATION_USER}', '@SF_USERNAME', 'REDACTED_SEE_ENV_USER']) expectNone({ [P.oauthPolicy]: p(v) }, P.oauthPolicy, ID, v);
});

test(`${ID}: silent when a replacements entry covers the file and replaces the value; reported when it covers another file or string`, () => {
  const user = 'integration@acme.com';
  const rel = P.oauthPolicy;
  expectNone({ 'sfdx-project.json': project([{ filename: rel, stringToReplace: user, replaceWithEnv: 'CC_USER' }]), [rel]: p(user) }, rel, ID, 'filename');
  expectNone({ 'sfdx-project.json': project([{ glob: 'force-app/**/*.ecaOauthPlcy-meta.xml', regexToReplace: '<clientCredentialsFlowUser>[^<]*</clientCredentialsFlowUser>', replaceWithFile: 'user.xml' }]), [rel]: p(user) }, rel, ID, 'glob');
  expectOne({ 'sfdx-project.json': project([{ glob: 'force-app/**/*.eca-meta.xml', stringToReplace: user, replaceWithEnv: 'X' }]), [rel]: p(`⟦${user}⟧`) }, rel, ID);
  expectOne({ 'sfdx-project.json': project([{ glob: 'force-app/**', stringToReplace: 'other@acme.com', replaceWithEnv: 'X' }]), [rel]: p(`⟦${user}⟧`) }, rel, ID);
});

test(`${ID}: silent when .forceignore keeps the policies out of the deploy`, () => {
  expectNone({ '.forceignore': '**/extlClntAppOauthPolicies/**\n', [P.oauthPolicy]: p('integration@acme.com') }, P.oauthPolicy, ID);
});
