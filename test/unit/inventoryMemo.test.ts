/**
 * What the tree's inventory remembers between requests: an app's posture record (views/posture.ts
 * ecaAppRecord) and a file's description (views/describe.ts describeFile), while the objects they
 * were made from are the same.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { openProject } from '../../server/src/engine';
import { nodeFsHost } from '../../server/src/project/fsHost';
import { ecaAppRecord, postureView } from '../../server/src/views/posture';
import { describeFile, describeProject } from '../../server/src/views/describe';
import { hdr, oauth, plcy, P, PLAIN_PROJECT, withFixture } from '../helpers/oauth';
import type { EcaProject } from '../../server/src/engine';

const view = (project: EcaProject) => postureView(project, ecaAppRecord(project, project.app('Billing')!));
const state = (project: EcaProject, id: string) => ecaAppRecord(project, project.app('Billing')!).settings.find((s) => s.id === id)?.state;

test('ecaAppRecord: the same record while nothing changed; a new one, equal to a fresh index\'s, after each kind of change', () => {
  withFixture({ 'sfdx-project.json': PLAIN_PROJECT, [P.header]: hdr(), [P.oauth]: oauth('Api') }, (fx) => {
    const p = fx.project;
    const first = ecaAppRecord(p, p.app('Billing')!);
    assert.equal(ecaAppRecord(p, p.app('Billing')!), first, 'asked again: remembered');
    assert.equal(state(p, 'scopes'), 'Api');
    assert.equal(state(p, 'ipRelaxation'), 'not in the project');
    const steps: [string, () => void][] = [
      ['a file of the app edited', () => fs.writeFileSync(fx.abs(P.oauth), oauth('Api, RefreshToken'))],
      ['a file added to the app', () => {
        fs.mkdirSync(path.dirname(fx.abs(P.oauthPolicy)), { recursive: true });
        fs.writeFileSync(fx.abs(P.oauthPolicy), plcy('    <ipRelaxation>BYPASS</ipRelaxation>\n'));
      }],
      ['the header edited (its findings change: distributionState)', () => fs.writeFileSync(fx.abs(P.header), hdr('Packaged'))],
      ['a file of the app deleted', () => fs.rmSync(fx.abs(P.oauthPolicy))],
    ];
    const paths = [P.oauth, P.oauthPolicy, P.header, P.oauthPolicy];
    let before = first;
    steps.forEach(([step, change], i) => {
      change();
      p.update(fx.abs(paths[i]!));
      const now = ecaAppRecord(p, p.app('Billing')!);
      assert.notEqual(now, before, `${step}: made again`);
      assert.deepEqual(view(p), view(openProject(fx.root, nodeFsHost)), `${step}: as a fresh index has it`);
      before = now;
    });
    assert.equal(state(p, 'scopes'), 'Api, RefreshToken');
    assert.equal(state(p, 'ipRelaxation'), 'not in the project', 'the policies file is gone again');
    assert.equal(state(p, 'distributionState'), 'Packaged');
  });
});

test('ecaAppRecord: the same app files with new findings (a .forceignore line moved) give a new record', () => {
  const project = JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true, package: 'Billing', versionNumber: '1.0.0.NEXT' }], namespace: 'bill' });
  withFixture({ 'sfdx-project.json': project, '.forceignore': '**/externalClientApps/**\n', [P.header]: hdr('Packaged'), [P.oauth]: oauth('Api') }, (fx) => {
    const p = fx.project;
    const app = p.app('Billing')!;
    const first = ecaAppRecord(p, app);
    assert.match(first.findings.find((f) => f.ruleId === 'packageable-excluded')?.message ?? '', /line 1 of/);
    // Lines added above the excluding line: the same verdicts, so the same file objects and the
    // same AppInfo, but the finding names another line.
    fs.writeFileSync(fx.abs('.forceignore'), '# kept out on purpose\n\n**/externalClientApps/**\n');
    p.update(fx.abs('.forceignore'));
    assert.equal(p.app('Billing'), app, 'the model kept the app (the verdicts did not change)');
    const now = ecaAppRecord(p, app);
    assert.notEqual(now, first);
    assert.match(now.findings.find((f) => f.ruleId === 'packageable-excluded')?.message ?? '', /line 3 of/);
    assert.deepEqual(view(p), view(openProject(fx.root, nodeFsHost)));
  });
});

test('describeFile: the same description while nothing changed; an excluded file\'s line follows its .forceignore', () => {
  const project = JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true, package: 'Billing', versionNumber: '1.0.0.NEXT' }], namespace: 'bill' });
  const files = { 'sfdx-project.json': project, '.forceignore': '**/extlClntAppOauthPolicies/**\n', [P.header]: hdr('Packaged'), [P.oauth]: oauth('Api'), [P.oauthPolicy]: plcy('') };
  withFixture(files, (fx) => {
    const p = fx.project;
    const policy = () => describeFile(p, p.file(fx.abs(P.oauthPolicy))!);
    const first = policy();
    assert.equal(policy(), first, 'asked again: remembered');
    assert.deepEqual(first.excludedBy && 'line' in first.excludedBy ? first.excludedBy.line : undefined, 0);
    const findingsBefore = p.check(fx.abs(P.oauthPolicy));
    // Lines added above: the same verdict, file and findings (none points into the .forceignore);
    // only the excluding line moved.
    fs.writeFileSync(fx.abs('.forceignore'), '# policies stay in the org\n\n**/extlClntAppOauthPolicies/**\n');
    p.update(fx.abs('.forceignore'));
    assert.equal(p.check(fx.abs(P.oauthPolicy)), findingsBefore, 'the file was not re-checked');
    const now = policy();
    assert.notEqual(now, first);
    assert.equal(now.excludedBy && 'line' in now.excludedBy ? now.excludedBy.line : undefined, 2);
    assert.deepEqual(describeProject(p), describeProject(openProject(fx.root, nodeFsHost)), 'the whole inventory as a fresh index has it');
    // An edit of the file itself.
    fs.writeFileSync(fx.abs(P.oauthPolicy), plcy('    <ipRelaxation>BYPASS</ipRelaxation>\n'));
    p.update(fx.abs(P.oauthPolicy));
    assert.notEqual(policy(), now);
    assert.deepEqual(describeProject(p), describeProject(openProject(fx.root, nodeFsHost)));
  });
});
