/**
 * Fix kinds: every fix a rule offers says whether it is safe to apply unattended; `unattendedFix`
 * (what `--fix` and fix-all take) never picks a suggestion.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { unattendedFix, type Fix, type TextEdit } from '../../server/src/edits/types';
import { fixture, header, globalSettings, oauthSettings } from '../helpers/fixture';

const edit: TextEdit = { path: '/p/x', start: 0, end: 0, newText: '', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };

test('unattendedFix: the preferred safe fix; never a suggestion, a snippet or a fix that is not preferred', () => {
  const suggestion: Fix = { title: 's', kind: 'suggestion', preferred: true, edits: [edit] };
  const snippet: Fix = { title: 'n', kind: 'safe', preferred: true, snippet: true, edits: [edit] };
  const plain: Fix = { title: 'p', kind: 'safe', edits: [edit] };
  const safe: Fix = { title: 'ok', kind: 'safe', preferred: true, edits: [edit] };
  assert.equal(unattendedFix([suggestion, snippet, plain]), undefined);
  assert.equal(unattendedFix([suggestion, safe]), safe);
});

test('fix kinds: the fixes of a project full of hazards all declare safe or suggestion, as documented', () => {
  const fx = fixture({
    '.forceignore': '**/externalClientApps/Excluded.eca-meta.xml\n**/extlClntAppGlobalOauthSettings/**\n',
    'force-app/main/default/externalClientApps/A.eca-meta.xml': header('    <distributionState>Local</distributionState>\n'),
    'force-app/main/default/externalClientApps/Excluded.eca-meta.xml': header('    <distributionState>Packaged</distributionState>\n'),
    'force-app/main/default/extlClntAppGlobalOauthSets/A_g.ecaGlblOauth-meta.xml': globalSettings('    <consumerSecret>s3cr3t</consumerSecret>\n    <externalClientApplication>A</externalClientApplication>\n'),
    'force-app/main/default/extlClntAppOauthSettings/A_o.ecaOauth-meta.xml': oauthSettings('    <externalClientApplication>Aa</externalClientApplication>\n    <oauthLink>bad</oauthLink>\n'),
    'force-app/main/default/extlClntAppOauthSettings/B.ecaOAuth-meta.xml': oauthSettings('    <externalClientApplication>A</externalClientApplication>\n'),
  });
  try {
    const kinds = new Map<string, Set<string>>();
    for (const list of fx.project.checkAll().values()) {
      for (const f of list) {
        for (const fix of f.fixes) {
          assert.ok(fix.kind === 'safe' || fix.kind === 'suggestion', `${f.ruleId}: "${fix.title}" has kind ${String(fix.kind)}`);
          let s = kinds.get(f.ruleId);
          if (!s) kinds.set(f.ruleId, (s = new Set()));
          s.add(`${fix.kind}: ${fix.title.split(' ')[0]}`);
        }
      }
    }
    assert.deepEqual([...kinds.get('distribution-state-not-packaged')!], ['safe: Set']);
    assert.deepEqual([...kinds.get('secret-in-source')!], ['suggestion: Remove']);
    assert.deepEqual([...kinds.get('oauth-link-invalid')!], ['suggestion: Remove']);
    assert.deepEqual([...kinds.get('packageable-excluded')!].every((k) => k.startsWith('suggestion')), true);
    assert.deepEqual([...kinds.get('unrecognized-file-name')!], ['suggestion: Rename']);
    assert.deepEqual([...kinds.get('forceignore-unknown-directory')!], ['safe: Change']);
    const np = [...kinds.get('non-packageable-in-package')!];
    assert.ok(np.includes('safe: Add') && np.includes('suggestion: Delete'), JSON.stringify(np));
  } finally {
    fx.cleanup();
  }
});
