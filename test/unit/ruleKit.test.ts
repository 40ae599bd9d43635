/**
 * The rule kit as a new rule uses it: the runner's appliesTo / needsXml guard, ctx.finding and
 * ctx.fix, and a project rule that reads other files (listFiles + textOf) and is re-checked when
 * one of them changes.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { defineRule, tagNameSpan, ORG_ID, CONSUMER_ID } from '../../server/src/rules/kit';
import { fixture, header, oauthSettings } from '../helpers/fixture';

test('kit: appliesTo and needsXml keep a rule off files it does not read', () => {
  const seen: string[] = [];
  const rule = defineRule({
    id: 'test-header-only',
    severity: 'warning',
    title: 'test',
    appliesTo: ['ExternalClientApplication'],
    needsXml: true,
    check(ctx) {
      seen.push(ctx.file.rel);
      return [ctx.finding(tagNameSpan(ctx.root), 'seen', ctx.fix('Do it', ctx.edit(ctx.file.path, 0, 0, ''), { kind: 'safe', preferred: true }))];
    },
  });
  const fx = fixture(
    {
      'force-app/main/default/externalClientApps/A.eca-meta.xml': header('    <distributionState>Local</distributionState>\n'),
      'force-app/main/default/externalClientApps/Broken.eca-meta.xml': '<ExternalClientApplication>',
      'force-app/main/default/extlClntAppOauthSettings/A_o.ecaOauth-meta.xml': oauthSettings('    <externalClientApplication>A</externalClientApplication>\n'),
    },
    { ruleSet: [rule] },
  );
  try {
    const all = fx.project.checkAll();
    assert.deepEqual(seen, ['force-app/main/default/externalClientApps/A.eca-meta.xml']);
    const [f] = [...all.values()].flat();
    assert.equal(f!.ruleId, 'test-header-only');
    assert.equal(f!.range.start.line, 1);
    assert.deepEqual(f!.fixes.map((x) => [x.title, x.kind, x.preferred]), [['Do it', 'safe', true]]);
  } finally {
    fx.cleanup();
  }
});

test('kit: a project rule reads other files through the model, and a change to them re-checks it', () => {
  const rule = defineRule({
    id: 'test-gitignore',
    severity: 'information',
    title: 'test',
    scope: 'project',
    check(ctx) {
      const out = [];
      for (const p of ctx.project.listFiles(['.gitignore', '**/*.permissionset-meta.xml'])) {
        const t = ctx.textOf(p);
        if (t?.text.includes('secret')) out.push(ctx.finding({ start: 0, end: 0 }, `${p.slice(ctx.project.root.length + 1)} mentions a secret`));
      }
      return out;
    },
  });
  const fx = fixture({ '.gitignore': 'node_modules\n', 'force-app/main/default/permissionsets/P.permissionset-meta.xml': '<PermissionSet/>' }, { ruleSet: [rule] });
  try {
    const pf = fx.project.projectFilePath;
    assert.deepEqual(fx.project.check(pf), []);
    fs.writeFileSync(fx.abs('.gitignore'), 'secret.txt\n');
    const r = fx.project.update(fx.abs('.gitignore'));
    assert.ok(r.affected.has(pf), 'the reader is re-checked');
    assert.deepEqual(fx.project.check(pf).map((f) => f.message), ['.gitignore mentions a secret']);
    // A file that appears: the listing is refreshed and the reader re-checked.
    fs.writeFileSync(fx.abs('force-app/main/default/permissionsets/Q.permissionset-meta.xml'), '<PermissionSet><secret/></PermissionSet>');
    assert.ok(fx.project.update(fx.abs('force-app/main/default/permissionsets/Q.permissionset-meta.xml')).affected.has(pf));
    assert.equal(fx.project.check(pf).length, 2);
  } finally {
    fx.cleanup();
  }
});

test('kit: one org id and one consumer id pattern', () => {
  assert.ok(ORG_ID.test('00D5g000004XyZa') && ORG_ID.test('00D5g000004XyZaEAK'));
  assert.ok(!ORG_ID.test('00DXXXX') && !ORG_ID.test('00D5g000004XyZaE'));
  assert.ok(CONSUMER_ID.test('888000000000001') && !CONSUMER_ID.test('00D5g000004XyZa'));
});
