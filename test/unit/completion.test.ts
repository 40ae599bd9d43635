/** The pure completion logic (metadata/completion.ts): context at an offset → entries. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { completeAt, type CompletionInput } from '../../server/src/metadata/completion';

const NS = 'http://soap.sforce.com/2006/04/metadata';
/** `|` marks the cursor. */
function at(text: string, o: Partial<CompletionInput> = {}) {
  const offset = text.indexOf('|');
  const clean = text.slice(0, offset) + text.slice(offset + 1);
  return { entries: completeAt({ text: clean, offset, typeName: 'ExternalClientApplication', fullName: 'Billing', appNames: ['Billing', 'Reports'], ...o }), text: clean };
}
const labels = (xs: { label: string }[]) => xs.map((x) => x.label);

test('completion: after < in a header: the missing elements in schema order, not doubling <', () => {
  const { entries } = at(`<?xml version="1.0"?>\n<ExternalClientApplication xmlns="${NS}">\n    <label>B</label>\n    <|\n</ExternalClientApplication>\n`);
  const l = labels(entries);
  assert.ok(l.includes('distributionState'));
  assert.ok(!l.includes('label'), 'present already');
  assert.ok(!l.includes('fullName'), 'inherited');
  assert.deepEqual(l.slice(0, 3), ['contactEmail', 'contactPhone', 'description']);
  const d = entries.find((e) => e.label === 'distributionState')!;
  assert.equal(d.insertText, 'distributionState>$1</distributionState>');
  assert.match(d.documentation!, /Local/);
});

test('completion: between children without <, mid-edit (unclosed tag after the cursor); required first in satellites', () => {
  const { entries } = at(`<ExtlClntAppConfigurablePolicies xmlns="${NS}">\n    <isOauthPluginEnabled>true</isOauthPluginEnabled>\n    |\n    <startPage>None\n</ExtlClntAppConfigurablePolicies>`, { typeName: 'ExtlClntAppConfigurablePolicies', fullName: 'Billing_plcy' });
  const l = labels([...entries].sort((a, b) => a.sortText.localeCompare(b.sortText)));
  assert.deepEqual(l.slice(0, 2), ['externalClientApplication', 'isEnabled']);
  assert.ok(!l.includes('isOauthPluginEnabled') && !l.includes('startPage'));
  assert.equal(entries[0]!.insertText.startsWith('<'), true);
});

test('completion: enum and boolean values, the default marked; scopes not yet listed; app names', () => {
  const v = at(`<ExternalClientApplication xmlns="${NS}">\n    <distributionState>Lo|</distributionState>\n</ExternalClientApplication>`);
  assert.deepEqual(labels(v.entries).slice(0, 2), ['Local', 'Packaged']);
  assert.equal(v.text.slice(v.entries[0]!.replaceStart, v.entries[0]!.replaceEnd), 'Lo');
  const b = at(`<ExtlClntAppOauthConfigurablePolicies xmlns="${NS}">\n    <ipRelaxationPolicyType>|</ipRelaxationPolicyType>\n</ExtlClntAppOauthConfigurablePolicies>`, { typeName: 'ExtlClntAppOauthConfigurablePolicies' });
  assert.equal(b.entries.find((e) => e.label === 'Enforce')!.preselect, true);
  const s = at(`<ExtlClntAppOauthSettings xmlns="${NS}">\n    <commaSeparatedOauthScopes>Api, |</commaSeparatedOauthScopes>\n</ExtlClntAppOauthSettings>`, { typeName: 'ExtlClntAppOauthSettings' });
  assert.ok(!labels(s.entries).includes('Api'));
  assert.ok(labels(s.entries).includes('RefreshToken') && labels(s.entries).includes('SFApiPlatform'));
  const a = at(`<ExtlClntAppOauthSettings xmlns="${NS}">\n    <externalClientApplication>|</externalClientApplication>\n</ExtlClntAppOauthSettings>`, { typeName: 'ExtlClntAppOauthSettings' });
  assert.deepEqual(labels(a.entries), ['Billing', 'Reports']);
});

test('completion: ConnectedApp oauthConfig children and scopes', () => {
  const c = at(`<ConnectedApp xmlns="${NS}">\n    <oauthConfig>\n        <|\n    </oauthConfig>\n</ConnectedApp>`, { typeName: 'ConnectedApp' });
  assert.equal([...c.entries].sort((x, y) => x.sortText.localeCompare(y.sortText))[0]!.label, 'callbackUrl');
  const s = at(`<ConnectedApp xmlns="${NS}">\n    <oauthConfig>\n        <scopes>|</scopes>\n    </oauthConfig>\n</ConnectedApp>`, { typeName: 'ConnectedApp' });
  assert.ok(labels(s.entries).includes('SFAP'));
});

test('completion: an empty file gets the skeleton for its suffix, with the app from the file name', () => {
  const { entries } = at('|', { typeName: 'ExtlClntAppOauthSettings', fullName: 'Billing_oauth', appNames: [] });
  assert.equal(entries.length, 1);
  assert.equal(entries[0]!.insertText, `<?xml version="1.0" encoding="UTF-8"?>\n<ExtlClntAppOauthSettings xmlns="${NS}">\n    <externalClientApplication>\${1:Billing}</externalClientApplication>\n</ExtlClntAppOauthSettings>\n`);
  const h = at('|', { snippets: false });
  assert.match(h.entries[0]!.insertText, /<distributionState>Local<\/distributionState>\n    <label>Billing<\/label>/);
});

test('completion: nothing in comments, in a text element, outside the root, or under another root', () => {
  assert.deepEqual(at(`<ExternalClientApplication xmlns="${NS}">\n    <!-- <| -->\n</ExternalClientApplication>`).entries, []);
  assert.deepEqual(at(`<ExternalClientApplication xmlns="${NS}">\n    <label>a|</label>\n</ExternalClientApplication>`).entries, []);
  assert.deepEqual(at(`<?xml version="1.0"?>|\n<ExternalClientApplication xmlns="${NS}"/>`).entries, []);
  assert.deepEqual(at(`<Other>\n    <|\n</Other>`).entries, []);
});

test('completion: under 5 ms per request on a header', () => {
  const text = `<?xml version="1.0"?>\n<ExternalClientApplication xmlns="${NS}">\n    <contactEmail>a@b.co</contactEmail>\n    <|\n    <label>B</label>\n</ExternalClientApplication>\n`;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < 200; i++) at(text);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6 / 200;
  assert.ok(ms < 5, `${ms} ms`);
});
