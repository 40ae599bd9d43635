/** Small pure pieces of the language server: URIs, snippet text without snippets, settings. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { pathToUri, uriToPath } from '../../server/src/util/uri';
import { placeholderFor, snippetToPlain } from '../../server/src/lsp/edits';
import { engineOptions, normalizeSettings, optionsKey } from '../../server/src/lsp/settings';
import { fieldInfo } from '../../server/src/metadata/schema';
import { DiagnosticsPublisher } from '../../server/src/lsp/diagnostics';
import type { ClientCaps } from '../../server/src/lsp/capabilities';
import type { Finding } from '../../server/src/engine';

test('file URIs are encoded as VS Code encodes them and decode back', () => {
  assert.equal(pathToUri('/home/a b/c#d/ü%.xml'), 'file:///home/a%20b/c%23d/%C3%BC%25.xml');
  assert.equal(pathToUri('/x/(y)!/z@1'), 'file:///x/%28y%29%21/z%401');
  for (const p of ['/home/a b/c#d/ü%.xml', '/x/(y)!/z@1', '/plain/path/App.eca-meta.xml']) assert.equal(uriToPath(pathToUri(p)), p);
  // Spellings other clients send decode to the same path.
  assert.equal(uriToPath('file:///home/a%20b/x.xml'), '/home/a b/x.xml');
  assert.equal(uriToPath('file:///x/z@1'), '/x/z@1');
  assert.equal(uriToPath('untitled:Untitled-1'), undefined);
  assert.equal(uriToPath('not a uri'), undefined);
  // A broken file name (lone surrogate) does not throw.
  assert.equal(pathToUri('/a/\uD800b'), 'file:///a/%EF%BF%BDb');
});

test('snippet text as plain text: every placeholder becomes an obviously invalid value', () => {
  const fill = (d: string) => placeholderFor(d, 'devHubOrgId');
  assert.equal(snippetToPlain('<orgScopedExternalApp>${1:00DXXXXXXXXXXXX}:App</orgScopedExternalApp>', fill), '<orgScopedExternalApp>ENTER_DEV_HUB_ORG_ID:App</orgScopedExternalApp>');
  assert.equal(snippetToPlain('a\\$b \\} \\\\ $0', fill), 'a$b } \\ ');
  assert.equal(snippetToPlain('${2|Local,Packaged|}', (d) => `<${d}>`), '<Local>');
  assert.equal(snippetToPlain('${1:outer ${2:inner}}', (d) => `[${d}]`), '[outer [inner]]');
  assert.equal(snippetToPlain('$1-${3}', () => 'X'), 'X-X');
  assert.equal(placeholderFor('00DXXXXXXXXXXXX'), 'ENTER_ORG_ID');
  assert.equal(placeholderFor('888XXXXXXXXXXXX'), 'ENTER_CONSUMER_ID');
  assert.equal(placeholderFor('user@example.com'), 'TODO_user_example.com');
  assert.equal(placeholderFor(''), 'TODO');
});

test('settings: wrong types fall back to defaults; engine options and their key', () => {
  assert.deepEqual(normalizeSettings(null), { enable: true, rules: {}, exclude: [], devHubOrgId: '', trace: { server: 'off' } });
  const s = normalizeSettings({ enable: 'no', rules: { a: 'info', b: 'loud', ' ': 'off', c: 'off' }, exclude: ['x/**', 3, ''], devHubOrgId: ' 00D000000000001 ', trace: { server: 'verbose' } });
  assert.deepEqual(s, { enable: true, rules: { a: 'information', c: 'off' }, exclude: ['x/**'], devHubOrgId: '00D000000000001', trace: { server: 'verbose' } });
  assert.deepEqual(normalizeSettings({ rules: ['a'] }).rules, {});
  const o = engineOptions(s, { d: 'off' });
  assert.deepEqual(o, { rules: { a: 'information', c: 'off', d: 'off' }, exclude: ['x/**'], devHubOrgId: '00D000000000001' });
  assert.equal(optionsKey({ rules: { b: 'off', a: 'error' } }), optionsKey({ rules: { a: 'error', b: 'off' } }));
  assert.notEqual(optionsKey({ rules: { a: 'error' } }), optionsKey({ rules: { a: 'warning' } }));
});

test('schema lookups: nested fields, unknown names, no prototype keys', () => {
  assert.deepEqual(fieldInfo('ExtlClntAppOauthConfigurablePolicies', ['permittedUsersPolicyType'])?.values, ['AdminApprovedPreAuthorized', 'AllSelfAuthorized']);
  assert.match(fieldInfo('ExtlClntAppOauthSettings', ['customAttributes', 'formula'])!.description, /Formula/);
  assert.equal(fieldInfo('ExternalClientApplication', ['constructor']), undefined);
  assert.equal(fieldInfo('ExternalClientApplication', ['__proto__']), undefined);
  assert.equal(fieldInfo('NoSuchType', ['label']), undefined);
});

test('the publisher sends a file again exactly when what a diagnostic shows changed', () => {
  const sent: { uri: string; n: number; href?: string }[] = [];
  const docs: { base?: string } = {};
  const caps = { codeDescription: true, relatedInformation: true, diagnosticTags: new Set<number>([1, 2]), diagnosticVersion: false } as unknown as ClientCaps;
  const pub = new DiagnosticsPublisher((uri, d) => sent.push({ uri, n: d.length, href: d[0]?.codeDescription?.href }), caps, (p) => `file://${p}`, () => undefined, () => docs.base);
  const range = (l: number) => ({ start: { line: l, character: 1 }, end: { line: l, character: 4 } });
  const f = (over: Partial<Finding> = {}): Finding => ({ ruleId: 'scope-full', severity: 'warning', message: 'm', path: '/p/a.xml', range: range(2), fixes: [], ...over });
  assert.equal(pub.publish('/p/a.xml', [f()]), true);
  // Equal findings in new objects (a re-check): nothing sent.
  assert.equal(pub.publish('/p/a.xml', [f()]), false);
  // A fix is not shown: a finding that differs only in fixes sends nothing either.
  assert.equal(pub.publish('/p/a.xml', [f({ fixes: [{ title: 't', kind: 'safe', edits: [] }] })]), false);
  for (const changed of [f({ message: 'n' }), f({ severity: 'error' }), f({ range: range(3) }), f({ ruleId: 'scope-unknown' }), f({ tags: ['unnecessary'] }), f({ related: [{ path: '/p/b.xml', range: range(0), message: 'here' }] })]) {
    assert.equal(pub.publish('/p/a.xml', [changed]), true, JSON.stringify(changed));
    assert.equal(pub.publish('/p/a.xml', [f()]), true);
  }
  assert.equal(pub.publish('/p/a.xml', [f(), f()]), true, 'one more');
  // The docs base (codeDescription.href) changed: sent again with the new link.
  docs.base = 'https://mirror.example/rules/';
  assert.equal(pub.publish('/p/a.xml', [f(), f()]), true);
  assert.equal(sent.at(-1)!.href, 'https://mirror.example/rules/scope-full.md');
  assert.equal(pub.publish('/p/a.xml', []), true, 'cleared');
  assert.equal(sent.at(-1)!.n, 0);
  assert.equal(pub.publish('/p/a.xml', []), false);
});
