import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { filledEdits, fillPlaceholders, isInsertArgs, normalizeOrgId, offerToRemember, REMEMBER, resolveDevHubOrgId, validateOrgId, type DevHubDeps } from '../../../client/src/commands/devHubOrgId';
import { FakeUi, rng } from './fixtures';

test('dev hub org id: 15 or 18 characters starting 00D; stored as the first 15', () => {
  assert.equal(normalizeOrgId(' 00D5g000004XyZaEAK '), '00D5g000004XyZa');
  assert.equal(normalizeOrgId('00D5g000004XyZa'), '00D5g000004XyZa');
  assert.equal(normalizeOrgId('00D5g000004XyZ'), undefined);
  assert.equal(normalizeOrgId('0015g000004XyZa'), undefined);
  assert.match(validateOrgId('0015g000004XyZa')!, /starts with 00D/);
  assert.match(validateOrgId('00D-XXXXXXXXXXXXXX')!, /15 or 18/);
  assert.equal(validateOrgId('00D5g000004XyZaEAK'), undefined);
});

function deps(over: Partial<DevHubDeps> & { ui: FakeUi }): DevHubDeps {
  return { setting: () => '', lookup: async () => ({ source: 'no target-dev-hub is set' }), ...over };
}

test('dev hub org id: the setting first, then the offline lookup, then an input box', async () => {
  const ui = new FakeUi();
  let asked = 0;
  assert.deepEqual(await resolveDevHubOrgId(deps({ ui, setting: () => '00D5g000004XyZaEAK', lookup: async () => (asked++, undefined) })), { orgId: '00D5g000004XyZa', source: 'setting ecaLens.devHubOrgId' });
  assert.equal(asked, 0);
  assert.deepEqual(await resolveDevHubOrgId(deps({ ui, lookup: async () => ({ orgId: '00D5g000004XyZaEAK', source: 'target-dev-hub hub' }) })), { orgId: '00D5g000004XyZa', source: 'target-dev-hub hub' });
  assert.equal(ui.prompts.length, 0);
  ui.inputs = ['00D000000000001AAA'];
  assert.deepEqual(await resolveDevHubOrgId(deps({ ui })), { orgId: '00D000000000001', source: 'entered' });
  assert.match(ui.prompts[0]!.prompt, /not found offline \(no target-dev-hub is set\)/);
  assert.ok(ui.prompts[0]!.validate!('nope'), 'the input box rejects what is not an org id');
  // A server that fails still leads to the input box; cancelling gives nothing.
  ui.inputs = [undefined];
  assert.equal(await resolveDevHubOrgId(deps({ ui, lookup: async () => Promise.reject(new Error('not running')) })), undefined);
  assert.match(ui.prompts[1]!.prompt, /not running/);
});

test('dev hub org id: placeholders of a quick fix are filled, the rest of the edit kept', () => {
  assert.equal(fillPlaceholders('\n    <orgScopedExternalApp>${1:00DXXXXXXXXXXXX}:AcmeReports</orgScopedExternalApp>', '00D5g000004XyZa'), '\n    <orgScopedExternalApp>00D5g000004XyZa:AcmeReports</orgScopedExternalApp>');
  assert.equal(fillPlaceholders('$1:App', 'X'), 'X:App');
  const args = { uri: 'file:///a.eca-meta.xml', edits: [{ range: rng(5, 0, 0), newText: '<o>${1:00DXXXXXXXXXXXX}:A</o>' }] };
  assert.ok(isInsertArgs(args));
  assert.deepEqual(filledEdits(args, '00D5g000004XyZa'), [{ range: rng(5, 0, 0), newText: '<o>00D5g000004XyZa:A</o>' }]);
  assert.equal(isInsertArgs({ uri: 'x' }), false);
  assert.equal(isInsertArgs({ uri: 'x', edits: [{ newText: 'a', range: { start: { line: 0 } } }] }), false);
  assert.equal(isInsertArgs(undefined), false);
});

test('dev hub org id: a typed id can be kept as the workspace setting', async () => {
  const ui = new FakeUi();
  const saved: string[] = [];
  ui.infoAnswer = REMEMBER;
  assert.equal(await offerToRemember(deps({ ui, saveSetting: async (id) => void saved.push(id) }), '00D5g000004XyZa'), true);
  assert.deepEqual(saved, ['00D5g000004XyZa']);
  ui.infoAnswer = undefined;
  assert.equal(await offerToRemember(deps({ ui, saveSetting: async (id) => void saved.push(id) }), '00D5g000004XyZb'), false);
  assert.deepEqual(saved, ['00D5g000004XyZa']);
});
