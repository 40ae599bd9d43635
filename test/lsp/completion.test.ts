/** textDocument/completion and the schema hover, in process. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { InsertTextFormat, type CompletionList, type MarkupContent } from 'vscode-languageserver-protocol';
import { inProcess, RICH_CAPS, uriOf } from './client';
import { D, F, twoApps, posOf } from './projects';

const CAPS = structuredClone(RICH_CAPS);
CAPS.textDocument!.completion = { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } };

test('completion: capability with trigger <; elements after < in a header; values; app names; skeleton in an empty file', async () => {
  const newOauth = `${D}/extlClntAppOauthSettings/Reports_oauth.ecaOauth-meta.xml`;
  const fx = twoApps();
  const c = inProcess();
  try {
    const init = await c.initialize([fx.root], { capabilities: CAPS });
    assert.deepEqual(init.capabilities.completionProvider?.triggerCharacters, ['<']);
    const h = fx.abs(F.billing);
    await c.open(h);
    const typed = c.text(h).replace('    <distributionState>Local</distributionState>\n', '    <\n');
    await c.change(h, typed);
    const p = posOf(typed, '<\n');
    const list = await c.request<CompletionList>('textDocument/completion', { textDocument: { uri: uriOf(h) }, position: { line: p.line, character: p.character + 1 }, context: { triggerKind: 2, triggerCharacter: '<' } });
    const ds = list.items.find((i) => i.label === 'distributionState');
    assert.ok(ds, JSON.stringify(list.items.map((i) => i.label)));
    assert.equal(ds.insertTextFormat, InsertTextFormat.Snippet);
    assert.deepEqual((ds.textEdit as { newText: string }).newText, 'distributionState>$1</distributionState>');
    assert.match((ds.documentation as MarkupContent).value, /Packaged/);
    assert.ok(!list.items.some((i) => i.label === 'contactEmail'), 'already present');

    // Inside an enum's text.
    const withState = typed.replace('    <\n', '    <distributionState>Local</distributionState>\n');
    await c.change(h, withState);
    const v = posOf(withState, 'Local');
    const values = await c.request<CompletionList>('textDocument/completion', { textDocument: { uri: uriOf(h) }, position: v });
    assert.deepEqual(values.items.map((i) => i.label).slice(0, 2), ['Local', 'Packaged']);

    // A new, empty OAuth settings file: the skeleton with the app name from the file name.
    await c.open(fx.abs(newOauth), '');
    const sk = await c.request<CompletionList>('textDocument/completion', { textDocument: { uri: uriOf(fx.abs(newOauth)) }, position: { line: 0, character: 0 } });
    assert.equal(sk.items.length, 1);
    assert.match((sk.items[0]!.textEdit as { newText: string }).newText, /<externalClientApplication>\$\{1:Reports\}<\/externalClientApplication>/);

    // Inside <externalClientApplication>: the apps of the project.
    const withApp = '<?xml version="1.0" encoding="UTF-8"?>\n<ExtlClntAppOauthSettings xmlns="http://soap.sforce.com/2006/04/metadata">\n    <externalClientApplication></externalClientApplication>\n</ExtlClntAppOauthSettings>\n';
    await c.change(fx.abs(newOauth), withApp);
    const ap = posOf(withApp, '</externalClientApplication>');
    const apps = await c.request<CompletionList>('textDocument/completion', { textDocument: { uri: uriOf(fx.abs(newOauth)) }, position: ap });
    assert.deepEqual(apps.items.map((i) => i.label), ['Billing', 'Reports']);
  } finally {
    c.dispose();
    fx.cleanup();
  }
});

test('completion without snippet support: plain text; hover shows kind, values, required, since', async () => {
  const fx = twoApps();
  const c = inProcess();
  try {
    await c.initialize([fx.root]);
    const h = fx.abs(F.billing);
    await c.open(h);
    const typed = c.text(h).replace('    <distributionState>Local</distributionState>\n', '    <\n');
    await c.change(h, typed);
    const p = posOf(typed, '<\n');
    const list = await c.request<CompletionList>('textDocument/completion', { textDocument: { uri: uriOf(h) }, position: { line: p.line, character: p.character + 1 } });
    const ds = list.items.find((i) => i.label === 'distributionState')!;
    assert.equal(ds.insertTextFormat, InsertTextFormat.PlainText);
    assert.equal((ds.textEdit as { newText: string }).newText, 'distributionState></distributionState>');

    await c.change(h, fx.read(F.billing));
    const hv = posOf(fx.read(F.billing), 'distributionState');
    const hover = await c.hover(h, hv.line, hv.character + 2);
    const text = (hover!.contents as MarkupContent).value;
    assert.match(text, /Kind: enum \(ExtlClntAppDistState\)/);
    assert.match(text, /optional/);
    assert.match(text, /@salesforce\/types 1\.1\.0/);
    assert.match(text, /\*\*`Local`\*\*/);
    assert.match(text, /Ships in package/);
  } finally {
    c.dispose();
    fx.cleanup();
  }
});
