/**
 * The integration report: views/posture.ts (one record per app), views/integrationReport.ts
 * (Markdown, JSON) and `eca-lens report` (cli/integrationReport.ts), on fixtures and on
 * examples/acme-billing (values checked by hand against its files).
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { openProject } from '../../server/src/engine';
import { nodeFsHost } from '../../server/src/project/fsHost';
import { projectPosture, type AppPostureRecord } from '../../server/src/views/posture';
import { appJson, cell, reportMarkdown } from '../../server/src/views/integrationReport';
import { describeProject } from '../../server/src/views/describe';
import { appPostureResult } from '../../server/src/lsp/requests';
import { pathToUri } from '../../server/src/util/uri';
import { run } from '../../server/src/cli/main';
import { withFixture, P } from '../helpers/eca';
import { PLAIN_PROJECT } from '../helpers/fixture';
import { CA, connectedApp, glbl, hdr, oauth, plcy } from '../helpers/oauth';

const EXAMPLE = path.resolve('examples/acme-billing');
const NO_HOME = { devHubEnv: { env: {}, home: path.join(os.tmpdir(), 'eca-lens-no-home') } };
const D = 'force-app/main/default';

function setting(r: AppPostureRecord, id: string) {
  const s = r.settings.find((x) => x.id === id);
  assert.ok(s, `no setting ${id}`);
  return s;
}

test('an ECA app with all four files: one record with every value read from its files', () => {
  withFixture(
    {
      [P.header]: hdr('Packaged'),
      [P.oauth]: oauth('Api, RefreshToken'),
      [P.global]: glbl('    <callbackUrl>https://x.example/cb</callbackUrl>\n', '    <isPkceRequired>true</isPkceRequired>\n    <isRefreshTokenRotationEnabled>true</isRefreshTokenRotationEnabled>\n'),
      [P.oauthPolicy]: plcy(
        '    <clientCredentialsFlowUser>int@x.example</clientCredentialsFlowUser>\n    <commaSeparatedPermissionSet>PS_A, PS_B</commaSeparatedPermissionSet>\n    <commaSeparatedProfile>Admin</commaSeparatedProfile>\n',
        '    <ipRelaxationPolicyType>Bypass</ipRelaxationPolicyType>\n    <isClientCredentialsFlowEnabled>true</isClientCredentialsFlowEnabled>\n    <permittedUsersPolicyType>AdminApprovedPreAuthorized</permittedUsersPolicyType>\n    <refreshTokenPolicyType>Infinite</refreshTokenPolicyType>\n    <requiredSessionLevel>HIGH_ASSURANCE</requiredSessionLevel>\n',
      ),
      '.forceignore': '**/extlClntAppGlobalOauthSets/**\n**/extlClntAppOauthPolicies/**\n',
    },
    (fx) => {
      const recs = projectPosture(fx.project);
      assert.equal(recs.length, 1);
      const r = recs[0]!;
      const j = appJson(fx.root, r);
      assert.deepEqual(
        { ...j, findings: undefined },
        {
          name: 'Billing',
          kind: 'eca',
          path: P.header,
          packageDirectory: 'force-app',
          distributionState: 'Packaged',
          ships: [P.header, P.oauth],
          flows: ['authorizationCode', 'clientCredentials', 'refreshToken'],
          flowsUnknown: [],
          scopes: ['Api', 'RefreshToken'],
          permittedUsers: 'AdminApprovedPreAuthorized',
          preauthorized: { profiles: ['Admin'], permissionSets: ['PS_A', 'PS_B'] },
          ipRelaxation: 'Bypass',
          refreshToken: { policy: 'Infinite', period: null, unit: null, explicit: true },
          pkceRequired: true,
          rotation: true,
          sessionLevel: 'HIGH_ASSURANCE',
          executionUser: 'int@x.example',
          notes: [],
          findings: undefined,
        },
      );
      // Every finding on the app's files is listed, by rule id, relative path and severity.
      const all = [...fx.check().values()].flat().filter((f) => Object.values(P).some((p) => f.path === fx.abs(p)));
      assert.equal(j.findings.length, all.length);
      assert.ok(j.findings.some((f) => f.code === 'ip-relaxation-relaxed' && f.path === P.oauthPolicy));
      // The setting rows carry their rule's finding; the rest are ok.
      assert.equal(setting(r, 'ipRelaxation').status, 'finding');
      assert.deepEqual(setting(r, 'ipRelaxation').findings.map((f) => f.ruleId), ['ip-relaxation-relaxed']);
      assert.equal(setting(r, 'refreshToken').state, 'Infinite');
      assert.equal(setting(r, 'refreshToken').status, 'finding');
      assert.equal(setting(r, 'pkce').state, 'required');
      assert.equal(setting(r, 'pkce').status, 'ok');
      assert.equal(setting(r, 'preauthorized').state, 'profiles Admin; permission sets PS_A, PS_B');
      assert.equal(setting(r, 'ships').state, 'Header, OAuth settings');
      // Where a written value is: its element's content.
      const at = setting(r, 'executionUser').at!;
      assert.equal(fx.read(P.oauthPolicy).slice(at.start, at.end), 'int@x.example');
    },
  );
});

test('an ECA app with only a header and OAuth settings: what the project does not hold is null', () => {
  withFixture({ 'sfdx-project.json': PLAIN_PROJECT, [P.header]: hdr(), [P.oauth]: oauth('Api') }, (fx) => {
    const r = projectPosture(fx.project)[0]!;
    const j = appJson(fx.root, r);
    assert.equal(j.ships, null, 'not a packaged directory');
    assert.equal(j.permittedUsers, null);
    assert.equal(j.ipRelaxation, null);
    assert.equal(j.refreshToken, null);
    assert.equal(j.sessionLevel, null);
    assert.equal(j.executionUser, null);
    assert.equal(j.pkceRequired, null);
    assert.deepEqual(j.preauthorized, { profiles: null, permissionSets: null });
    // Only the refresh token flow is decided (by the scopes): off; the others are unknown.
    assert.deepEqual(j.flows, []);
    assert.equal(j.flowsUnknown.length, 7);
    assert.equal(setting(r, 'ipRelaxation').status, 'unknown');
    assert.equal(setting(r, 'ipRelaxation').state, 'not in the project');
    assert.equal(setting(r, 'flows').state.startsWith('none known; unknown: authorization code'), true);
  });
});

test('a Connected App: its own record, values from the one file, Connected App spellings normalized', () => {
  const body =
    '        <callbackUrl>https://x.example/cb</callbackUrl>\n        <isAdminApproved>true</isAdminApproved>\n        <scopes>Api</scopes>\n        <scopes>RefreshToken</scopes>\n';
  const rest = '    <oauthPolicy>\n        <ipRelaxation>BYPASS</ipRelaxation>\n        <refreshTokenPolicy>specific_lifetime:1:HOURS</refreshTokenPolicy>\n    </oauthPolicy>\n    <permissionSetName>Integration</permissionSetName>\n';
  withFixture({ 'sfdx-project.json': PLAIN_PROJECT, [CA]: connectedApp(body, rest) }, (fx) => {
    const recs = projectPosture(fx.project);
    assert.equal(recs.length, 1);
    const j = appJson(fx.root, recs[0]!);
    assert.equal(j.name, 'Legacy');
    assert.equal(j.kind, 'connectedApp');
    assert.equal(j.path, CA);
    assert.equal(j.distributionState, null);
    assert.deepEqual(j.scopes, ['Api', 'RefreshToken']);
    assert.deepEqual(j.flows, ['authorizationCode', 'refreshToken']);
    assert.equal(j.permittedUsers, 'AdminApprovedPreAuthorized');
    assert.deepEqual(j.preauthorized, { profiles: [], permissionSets: ['Integration'] });
    assert.equal(j.ipRelaxation, 'Bypass');
    assert.deepEqual(j.refreshToken, { policy: 'SpecificLifetime', period: 1, unit: 'Hours', explicit: true });
    assert.ok(j.findings.some((f) => f.code === 'ip-relaxation-relaxed'), JSON.stringify(j.findings));
    assert.ok(!recs[0]!.settings.some((s) => s.id === 'distributionState'), 'no distribution state row for a Connected App');
  });
});

test('a project with nothing: no apps; the Markdown says so; JSON has an empty list', () => {
  withFixture({ 'sfdx-project.json': PLAIN_PROJECT, 'force-app/main/default/classes/A.cls': 'public class A {}' }, (fx) => {
    assert.deepEqual(projectPosture(fx.project), []);
    const md = reportMarkdown([{ root: fx.root, label: '.', apps: [] }]);
    assert.match(md, /No External Client Apps or Connected Apps in this project\./);
    const r = run(['report', fx.root, '--format', 'json']);
    assert.equal(r.code, 0);
    const j = JSON.parse(r.stdout);
    assert.equal(j.version, 1);
    assert.deepEqual(j.apps, []);
  });
});

test('examples/acme-billing: hand-checked records', () => {
  const project = openProject(EXAMPLE, nodeFsHost, NO_HOME);
  const recs = projectPosture(project);
  assert.deepEqual(recs.map((r) => `${r.kind} ${r.name}`), ['eca AcmeBilling', 'eca AcmeReports']);
  const [billing, reports] = recs.map((r) => appJson(EXAMPLE, r));
  // AcmeBilling: its header says Local; the global settings file is in the build (.forceignore
  // misspells its folder) and the policies file is excluded; callback URL + policies' client
  // credentials + RefreshToken scope are the three flows on.
  assert.deepEqual(
    { ...billing!, findings: billing!.findings.map((f) => `${f.severity} ${f.code} ${f.path}:${f.line}`) },
    {
      name: 'AcmeBilling',
      kind: 'eca',
      path: `${D}/externalClientApps/AcmeBilling.eca-meta.xml`,
      packageDirectory: 'force-app',
      distributionState: 'Local',
      ships: [`${D}/externalClientApps/AcmeBilling.eca-meta.xml`, `${D}/extlClntAppGlobalOauthSets/AcmeBilling_glbloauth.ecaGlblOauth-meta.xml`, `${D}/extlClntAppOauthSettings/AcmeBilling_oauth.ecaOauth-meta.xml`],
      flows: ['authorizationCode', 'clientCredentials', 'refreshToken'],
      flowsUnknown: [],
      scopes: ['Api', 'RefreshToken'],
      permittedUsers: 'AdminApprovedPreAuthorized',
      preauthorized: { profiles: [], permissionSets: ['Acme_Billing_Integration'] },
      ipRelaxation: 'Enforce',
      refreshToken: { policy: 'SpecificInactivity', period: 30, unit: 'Days', explicit: true },
      pkceRequired: true,
      rotation: true,
      sessionLevel: 'STANDARD',
      executionUser: 'billing.integration@acme.example',
      notes: [],
      findings: [
        `error distribution-state-not-packaged ${D}/externalClientApps/AcmeBilling.eca-meta.xml:5`,
        // The global settings are in the repository with no .gitignore line (§3).
        `warning global-settings-in-source ${D}/extlClntAppGlobalOauthSets/AcmeBilling_glbloauth.ecaGlblOauth-meta.xml:2`,
        `error non-packageable-in-package ${D}/extlClntAppGlobalOauthSets/AcmeBilling_glbloauth.ecaGlblOauth-meta.xml:2`,
        `warning secret-in-source ${D}/extlClntAppGlobalOauthSets/AcmeBilling_glbloauth.ecaGlblOauth-meta.xml:4`,
      ],
    },
  );
  // AcmeReports: header + OAuth settings + plugin policies; no OAuth policies, no global settings.
  assert.equal(reports!.distributionState, 'Packaged');
  assert.deepEqual(reports!.scopes, ['Api']);
  assert.equal(reports!.permittedUsers, null);
  assert.equal(reports!.refreshToken, null);
  assert.deepEqual(reports!.flows, []);
  assert.deepEqual(reports!.findings.map((f) => f.code), ['org-scoped-app-missing', 'non-packageable-in-package']);
});

test('examples/acme-billing: the Markdown report (summary table, a section per app, rule links)', () => {
  const r = run(['report', EXAMPLE], process.cwd(), { ...process.env, HOME: NO_HOME.devHubEnv.home });
  assert.equal(r.code, 0, r.stderr);
  const md = r.stdout;
  assert.match(md, /^## ECA Lens integration report: examples\/acme-billing\n/);
  assert.ok(md.includes('| App | Kind | Package directory | Distribution | Flows | Scopes | Permitted users | IP relaxation | Refresh token | Findings |'));
  assert.ok(
    md.includes('| AcmeBilling | ECA | force-app (package AcmeBilling) | Local | authorization code, client credentials, refresh token | Api, RefreshToken | AdminApprovedPreAuthorized | Enforce | SpecificInactivity 30 Days | 2 errors, 2 warnings |'),
    md,
  );
  assert.ok(md.includes('| AcmeReports | ECA | force-app (package AcmeBilling) | Packaged | none known (7 unknown) | Api | not in the project | not in the project | not in the project | 2 errors |'), md);
  assert.match(md, /^### AcmeBilling$/m);
  assert.match(md, /^### AcmeReports$/m);
  assert.match(md, /^- \*\*IP relaxation:\*\* Enforce$/m);
  assert.match(md, /^- \*\*Distribution state:\*\* Local ⚠️ `distribution-state-not-packaged`$/m);
  assert.match(md, /\[`secret-in-source`\]\(https:\/\/\S+\/secret-in-source\.md\)/);
  // The README shows this report (section "Integration report").
  const readme = fs.readFileSync('README.md', 'utf8');
  for (const line of md.split('\n').filter((l) => l.startsWith('| Acme') || l.startsWith('- **'))) assert.ok(readme.includes(line), `README lacks: ${line}`);
  // Every table row has the header's 10 cells.
  for (const line of md.split('\n').filter((l) => l.startsWith('| Acme'))) assert.equal(line.split(/(?<!\\)\|/).length - 2, 10, line);
});

test('table cells: | and line breaks are escaped, HTML is not interpreted', () => {
  assert.equal(cell('a|b\nc<d>'), 'a\\|b<br>c&lt;d&gt;');
  const rec = { ...projectPosture(openProject(EXAMPLE, nodeFsHost, NO_HOME))[0]!, name: 'Evil|App\nName' };
  const md = reportMarkdown([{ root: EXAMPLE, label: '.', apps: [rec] }]);
  const row = md.split('\n').find((l) => l.startsWith('| Evil'))!;
  assert.ok(row.startsWith('| Evil\\|App<br>Name |'), row);
});

test('eca-lens report: options, exit status, several projects', () => {
  const bad = run(['report', '--format', 'sarif']);
  assert.equal(bad.code, 2);
  assert.equal(bad.stderr, 'eca-lens report: --format must be markdown or json, not "sarif"; see eca-lens --help\n');
  assert.equal(run(['report', '--nope']).code, 2);
  assert.equal(run(['report', 'a', 'b']).code, 2);
  assert.match(run(['report', path.join(EXAMPLE, 'sfdx-project.json')]).stderr, /is not a folder; see eca-lens --help/);
  assert.match(run(['report', '--help']).stdout, /^Usage: eca-lens report/);
  assert.match(run(['--help']).stdout, /eca-lens report \[DIR\]/);
  // Errors in the project: still exit 0 (a report, not a gate).
  assert.equal(run(['report', EXAMPLE, '--format', 'json']).code, 0);
  // Two projects below a folder: { version, projects: [{ root, apps }] } and a heading per project.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eca-lens-report-'));
  try {
    fs.cpSync(EXAMPLE, path.join(dir, 'one'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'two'));
    fs.writeFileSync(path.join(dir, 'two', 'sfdx-project.json'), PLAIN_PROJECT);
    const j = JSON.parse(run(['report', '.', '--format', 'json'], dir).stdout);
    assert.deepEqual(j.projects.map((p: { root: string; apps: unknown[] }) => [p.root, p.apps.length]), [['one', 2], ['two', 0]]);
    const md = run(['report'], dir).stdout;
    assert.match(md, /^### Project `one`$/m);
    assert.match(md, /^#### AcmeBilling$/m);
    assert.match(md, /^### Project `two`$/m);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('an app\'s posture rows (ecaLens/appPosture) and their counts in the inventory (AppInventory.posture)', () => {
  const project = openProject(EXAMPLE, nodeFsHost, NO_HOME);
  const inv = describeProject(project);
  const billing = inv.apps.find((a) => a.name === 'AcmeBilling')!;
  const view = appPostureResult([project], pathToUri, { projectUri: inv.uri, app: 'AcmeBilling' })!;
  assert.equal(view.kind, 'eca');
  // The example's AcmeBilling, by hand: 13 settings of an ECA; 3 with findings (distributionState
  // Local; the global OAuth settings file in the build, under "ships"; the committed consumer
  // secret, under "secret"); none unknown (all four of its files are in the example).
  assert.deepEqual(billing.posture, { kind: 'eca', settings: 13, findings: 3, unknown: 0 });
  assert.deepEqual(view.settings.filter((s) => s.status === 'finding').map((s) => s.id), ['distributionState', 'ships', 'secret']);
  const ip = view.settings.find((s) => s.id === 'ipRelaxation')!;
  assert.deepEqual({ label: ip.label, state: ip.state, status: ip.status }, { label: 'IP relaxation', state: 'Enforce', status: 'ok' });
  assert.ok(ip.location?.uri.endsWith('AcmeBilling_oauthPlcy.ecaOauthPlcy-meta.xml'));
  assert.equal(ip.location?.range.start.line, 5);
  const dist = view.settings.find((s) => s.id === 'distributionState')!;
  assert.equal(dist.status, 'finding');
  assert.equal(dist.findings[0]?.code, 'distribution-state-not-packaged');
});
