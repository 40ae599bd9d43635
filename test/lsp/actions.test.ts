/**
 * Code actions in process: quick fixes applied to the text, cross-file edits in one workspace
 * edit, file operations (and the fallback when the client can't do them), fix-all for a file and
 * for the workspace, fixes that need input (client command, snippet edit, plain placeholder),
 * "disable rule" and "show documentation".
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ClientCapabilities, CodeAction, Command, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { inProcess, uriOf, RICH_CAPS, type TestClient } from './client';
import { F, TEXT, twoApps, rangeOf, wholeFile } from './projects';
import { docsUrl } from '../../server/src/engine';

const isAction = (a: CodeAction | Command): a is CodeAction => typeof (a as Command).command !== 'string';
const titles = (xs: (CodeAction | Command)[]) => xs.map((x) => x.title);

async function start(caps: ClientCapabilities = RICH_CAPS, initializationOptions?: unknown, extra?: Record<string, string | Uint8Array | null>) {
  const fx = twoApps(extra);
  const c = inProcess();
  await c.initialize([fx.root], { capabilities: caps, initializationOptions });
  return { fx, c };
}

function withCaps(patch: (c: ClientCapabilities) => void): ClientCapabilities {
  const c = structuredClone(RICH_CAPS);
  patch(c);
  return c;
}

async function quickFixes(c: TestClient, p: string, needle: string, text: string) {
  const r = rangeOf(text, needle);
  return (await c.codeActions(p, r)).filter(isAction);
}

test('quick fix: preferred fix first-class, its edit applied gives the expected text; disable and docs actions offered', async () => {
  const { fx, c } = await start();
  const p = fx.abs(F.billing);
  try {
    await c.open(p);
    const actions = await quickFixes(c, p, 'Local', TEXT.billing);
    // One fixable problem in the file: no "fix all" unless asked for by kind.
    assert.deepEqual(titles(actions), ['Set distributionState to Packaged', 'Disable distribution-state-not-packaged in settings', 'Show documentation for distribution-state-not-packaged']);
    const fix = actions[0]!;
    assert.equal(fix.kind, 'quickfix');
    assert.equal(fix.isPreferred, true);
    assert.deepEqual(fix.diagnostics?.map((d) => d.code), ['distribution-state-not-packaged']);
    const dc = fix.edit!.documentChanges as TextDocumentEdit[];
    assert.equal(dc.length, 1);
    assert.deepEqual(dc[0]!.textDocument, { uri: uriOf(p), version: 1 });
    const next = c.nextDiagnostics(p);
    c.applyEdit(fix.edit!);
    assert.equal(c.text(p), TEXT.billing.replace('>Local<', '>Packaged<'));
    // The Local finding is gone; a Packaged app now needs orgScopedExternalApp.
    assert.deepEqual((await next).map((d) => d.code), ['org-scoped-app-missing']);
    // Outside any finding: nothing.
    assert.deepEqual(await c.codeActions(p, rangeOf(TEXT.billing, '<contactEmail>')), []);
  } finally {
    c.dispose();
    fx.cleanup();
  }
});

test('cross-file fix: the .forceignore line for an XML file comes in one workspace edit; delete as a file operation', async () => {
  const { fx, c } = await start();
  const g = fx.abs(F.billingGlobal);
  try {
    const actions = await quickFixes(c, g, 'ExtlClntAppGlobalOauthSettings', TEXT.billingGlobal);
    const add = actions.find((a) => a.title.startsWith('Add "**/extlClntAppGlobalOauthSets/**"'));
    assert.ok(add, JSON.stringify(titles(actions)));
    assert.equal(add.isPreferred, true);
    const dc = add.edit!.documentChanges as TextDocumentEdit[];
    assert.deepEqual(dc.map((e) => [e.textDocument.uri, e.textDocument.version]), [[uriOf(fx.abs(F.forceignore)), null]]);
    const del = actions.find((a) => a.title.startsWith('Delete '));
    assert.deepEqual(del?.edit?.documentChanges, [{ kind: 'delete', uri: uriOf(g), options: { ignoreIfNotExists: true } }]);

    const cleared = c.nextDiagnostics(g, (d) => !d.some((x) => x.code === 'non-packageable-in-package'));
    c.applyEdit(add.edit!);
    assert.equal(fs.readFileSync(fx.abs(F.forceignore), 'utf8'), TEXT.forceignore + '**/extlClntAppGlobalOauthSets/**\n');
    assert.deepEqual((await cleared).map((d) => d.code), ['global-settings-in-source', 'secret-in-source']);
  } finally {
    c.dispose();
    fx.cleanup();
  }
});

test('a client without resource operations: file-creating fixes become a server command that writes the file', async () => {
  const caps = withCaps((c) => (c.workspace!.workspaceEdit = { documentChanges: true }));
  const { fx, c } = await start(caps, undefined, { [F.forceignore]: null });
  fs.rmdirSync(fx.abs(F.forceignore));
  const g = fx.abs(F.billingGlobal);
  try {
    // No .forceignore at all: policies are in the build too; the fix creates the file.
    await c.watched([[fx.abs(F.forceignore), 3]]);
    await c.settle();
    assert.deepEqual(c.codes(fx.abs(F.reportsPlugin)), ['non-packageable-in-package']);
    const actions = await quickFixes(c, g, 'ExtlClntAppGlobalOauthSettings', TEXT.billingGlobal);
    const create = actions.find((a) => a.title.startsWith('Create .forceignore'));
    assert.ok(create, JSON.stringify(titles(actions)));
    assert.equal(create.edit, undefined);
    assert.equal(create.command?.command, 'ecaLens.server.applyFix');
    const cleared = c.nextDiagnostics(g, (d) => !d.some((x) => x.code === 'non-packageable-in-package'));
    assert.equal(await c.request('workspace/executeCommand', create.command), true);
    await cleared;
    assert.match(fs.readFileSync(fx.abs(F.forceignore), 'utf8'), /^\*\*\/extlClntAppGlobalOauthSets\/\*\*$/m);
  } finally {
    c.dispose();
    fx.cleanup();
  }
});

test('source.fixAll.ecaLens: every preferred fix of the file in one edit, computed on resolve', async () => {
  const { fx, c } = await start();
  const g = fx.abs(F.billingGlobal);
  try {
    await c.open(g);
    const all = (await c.codeActions(g, wholeFile, ['source.fixAll.ecaLens'])).filter(isAction);
    assert.deepEqual(all.map((a) => a.kind), ['source.fixAll.ecaLens']);
    assert.equal(all[0]!.edit, undefined);
    const resolved = await c.resolve(all[0]!);
    const dc = resolved.edit!.documentChanges as TextDocumentEdit[];
    // Removing the consumer key is a suggestion (it removes an element): fix-all leaves it. The
    // .gitignore that global-settings-in-source creates takes the file out of git: the server
    // re-checks it on the watched-file event, and secret-in-source no longer reports it.
    assert.deepEqual(dc.filter((e) => 'textDocument' in e).map((e) => e.textDocument.uri).sort(), [uriOf(fx.abs(F.forceignore)), uriOf(path.join(fx.root, '.gitignore'))].sort());
    assert.ok((resolved.edit!.documentChanges as { kind?: string; uri?: string }[]).some((e) => e.kind === 'create' && e.uri === uriOf(path.join(fx.root, '.gitignore'))));
    const cleared = c.nextDiagnostics(g, (d) => d.length === 0);
    c.applyEdit(resolved.edit!);
    assert.equal(c.text(g), TEXT.billingGlobal);
    assert.equal(fs.readFileSync(fx.abs(F.forceignore), 'utf8'), TEXT.forceignore + '**/extlClntAppGlobalOauthSets/**\n');
    assert.deepEqual((await cleared).map((d) => d.code), []);
    // Quick fixes only: no fix-all.
    assert.ok((await c.codeActions(fx.abs(F.billing), wholeFile, ['quickfix'])).every((a) => isAction(a) && a.kind === 'quickfix'));
  } finally {
    c.dispose();
    fx.cleanup();
  }
});

test('fix-all for a client that cannot resolve: the edit is inline', async () => {
  const caps = withCaps((c) => delete c.textDocument!.codeAction!.resolveSupport);
  const { fx, c } = await start(caps);
  try {
    const all = (await c.codeActions(fx.abs(F.billing), wholeFile, ['source.fixAll'])).filter(isAction);
    assert.equal(all.length, 1);
    c.applyEdit(all[0]!.edit!);
    assert.equal(fs.readFileSync(fx.abs(F.billing), 'utf8'), TEXT.billing.replace('>Local<', '>Packaged<'));
  } finally {
    c.dispose();
    fx.cleanup();
  }
});

test('ecaLens.server.fixAll: every preferred fix of the workspace through workspace/applyEdit', async () => {
  const { fx, c } = await start();
  try {
    const r = await c.request<{ applied: number; skipped: number }>('workspace/executeCommand', { command: 'ecaLens.server.fixAll', arguments: [{}] });
    // The consumer key's removal is a suggestion: counted as skipped, not applied.
    assert.deepEqual(r, { applied: 3, skipped: 1 });
    await c.settle();
    assert.equal(fs.readFileSync(fx.abs(F.billing), 'utf8'), TEXT.billing.replace('>Local<', '>Packaged<'));
    assert.equal(fs.readFileSync(fx.abs(F.billingGlobal), 'utf8'), TEXT.billingGlobal);
    // What is left is a suggestion, needs input (the Dev Hub org id) or was revealed by a fix.
    // The .gitignore line took the global settings out of git: secret-in-source is gone with it.
    assert.deepEqual(c.codes(fx.abs(F.billingGlobal)), []);
    assert.deepEqual(c.codes(fx.abs(F.billing)), ['org-scoped-app-missing']);
    assert.deepEqual(c.codes(fx.abs(F.reports)), ['org-scoped-app-missing']);
  } finally {
    c.dispose();
    fx.cleanup();
  }
});

test('a fix that needs the Dev Hub org id: client command when declared, snippet edit when supported, else an invalid placeholder', async () => {
  const r = fs.readFileSync.bind(fs);
  // 1. The client declares ecaLens.insertDevHubOrgId: the action is that command.
  {
    const { fx, c } = await start(RICH_CAPS, { clientCommands: ['ecaLens.insertDevHubOrgId'] });
    try {
      const a = (await quickFixes(c, fx.abs(F.reports), 'ExternalClientApplication', TEXT.reports)).find((x) => x.title.startsWith('Insert orgScopedExternalApp'))!;
      assert.equal(a.edit, undefined);
      assert.equal(a.command?.command, 'ecaLens.insertDevHubOrgId');
      const args = a.command!.arguments![0] as { uri: string; edits: { newText: string }[] };
      assert.equal(args.uri, uriOf(fx.abs(F.reports)));
      assert.match(args.edits[0]!.newText, /<orgScopedExternalApp>\$\{1:[^}]*\}:Reports<\/orgScopedExternalApp>/);
    } finally {
      c.dispose();
      fx.cleanup();
    }
  }
  // 2. Snippet edits supported (LSP 3.18): a SnippetTextEdit.
  {
    const caps = withCaps((x) => ((x.workspace!.workspaceEdit as Record<string, unknown>).snippetEditSupport = true));
    const { fx, c } = await start(caps);
    try {
      const a = (await quickFixes(c, fx.abs(F.reports), 'ExternalClientApplication', TEXT.reports)).find((x) => x.title.startsWith('Insert orgScopedExternalApp'))!;
      const e = (a.edit!.documentChanges as TextDocumentEdit[])[0]!.edits[0] as unknown as { snippet: { kind: string; value: string } };
      assert.equal(e.snippet.kind, 'snippet');
      assert.match(e.snippet.value, /\$\{1:/);
    } finally {
      c.dispose();
      fx.cleanup();
    }
  }
  // 3. Neither: plain text with a placeholder the rules flag until replaced.
  {
    const { fx, c } = await start();
    const p = fx.abs(F.reports);
    try {
      const a = (await quickFixes(c, p, 'ExternalClientApplication', TEXT.reports)).find((x) => x.title.startsWith('Insert orgScopedExternalApp'))!;
      assert.match(a.title, /placeholder/);
      const next = c.nextDiagnostics(p);
      c.applyEdit(a.edit!);
      assert.match(r(p, 'utf8'), /<orgScopedExternalApp>ENTER_DEV_HUB_ORG_ID:Reports<\/orgScopedExternalApp>/);
      assert.deepEqual((await next).map((d) => d.code), ['org-scoped-app-invalid']);
    } finally {
      c.dispose();
      fx.cleanup();
    }
  }
  // 4. The org id is known (setting): a plain preferred fix with it.
  {
    const fx = twoApps();
    const c = inProcess();
    c.settings['*'] = { devHubOrgId: '00D5g000004XyZaEAK' };
    try {
      await c.initialize([fx.root]);
      const a = (await quickFixes(c, fx.abs(F.reports), 'ExternalClientApplication', TEXT.reports)).find((x) => x.title.startsWith('Insert orgScopedExternalApp'))!;
      assert.equal(a.isPreferred, true);
      c.applyEdit(a.edit!);
      assert.match(r(fx.abs(F.reports), 'utf8'), /<orgScopedExternalApp>00D5g000004XyZa:Reports<\/orgScopedExternalApp>/);
      assert.deepEqual(await c.request('ecaLens/devHubOrgId', { uri: uriOf(fx.abs(F.reports)) }), { orgId: '00D5g000004XyZa', source: 'the ecaLens.devHubOrgId setting' });
    } finally {
      c.dispose();
      fx.cleanup();
    }
  }
});

test('disable a rule: server-side for this session unless the client implements it; show documentation opens the page', async () => {
  const { fx, c } = await start();
  const g = fx.abs(F.billingGlobal);
  try {
    const actions = await quickFixes(c, g, '3MVG9notArealKey', TEXT.billingGlobal);
    const disable = actions.find((a) => a.title === 'Disable secret-in-source in settings')!;
    assert.equal(disable.command?.command, 'ecaLens.server.disableRule');
    const gone = c.nextDiagnostics(g, (d) => !d.some((x) => x.code === 'secret-in-source'));
    assert.equal(await c.request('workspace/executeCommand', disable.command), true);
    await gone;
    await c.waitFor('the message saying how to keep it off', () => c.received.some((m) => m.method === 'window/showMessage' && String((m.params as { message: string }).message).includes('"ecaLens.rules": { "secret-in-source": "off" }')));

    const docs = (await quickFixes(c, g, 'ExtlClntAppGlobalOauthSettings', TEXT.billingGlobal)).find((a) => a.title === 'Show documentation for non-packageable-in-package')!;
    assert.deepEqual(await c.request('workspace/executeCommand', docs.command), { uri: docsUrl('non-packageable-in-package') });
    assert.deepEqual(c.shown, [docsUrl('non-packageable-in-package')]);
  } finally {
    c.dispose();
    fx.cleanup();
  }
  const again = await start(RICH_CAPS, { clientCommands: ['ecaLens.disableRule'] });
  try {
    const actions = await quickFixes(again.c, again.fx.abs(F.billing), 'Local', TEXT.billing);
    const disable = actions.find((a) => a.title.startsWith('Disable'))!;
    assert.deepEqual(disable.command, { title: disable.title, command: 'ecaLens.disableRule', arguments: [{ ruleId: 'distribution-state-not-packaged', uri: uriOf(again.fx.abs(F.billing)) }] });
  } finally {
    again.c.dispose();
    again.fx.cleanup();
  }
});

test('a client without code action literals gets commands, and the server applies the fix', async () => {
  const caps = withCaps((c) => {
    delete c.textDocument!.codeAction;
    c.workspace!.workspaceEdit = {};
  });
  const { fx, c } = await start(caps);
  const p = fx.abs(F.billing);
  try {
    const cmds = await c.codeActions(p, rangeOf(TEXT.billing, 'Local'));
    assert.ok(cmds.every((x) => !isAction(x)));
    const fix = cmds.find((x) => x.title === 'Set distributionState to Packaged') as Command;
    assert.equal(fix.command, 'ecaLens.server.applyFix');
    const next = c.nextDiagnostics(p);
    assert.equal(await c.request('workspace/executeCommand', fix), true);
    await next;
    assert.equal(fs.readFileSync(p, 'utf8'), TEXT.billing.replace('>Local<', '>Packaged<'));
  } finally {
    c.dispose();
    fx.cleanup();
  }
});

test('context diagnostics without ranges (Neovim 0.7 sends only code and user data) still get the quick fixes', async () => {
  const { fx, c } = await start();
  const p = fx.abs(F.billing);
  try {
    const r = rangeOf(TEXT.billing, 'Local');
    const got = (await c.request<(CodeAction | Command)[]>('textDocument/codeAction', {
      textDocument: { uri: uriOf(p) },
      range: r,
      context: { diagnostics: [{ code: 'distribution-state-not-packaged' }, null, 7] },
    })).map((a) => a.title);
    assert.ok(got.includes('Set distributionState to Packaged'), JSON.stringify(got));
  } finally {
    c.dispose();
    fx.cleanup();
  }
});
