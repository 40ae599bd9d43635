/**
 * Connected App → External Client App over LSP, in process: the connected-app-migration finding's
 * code action creates the four files (CreateFile + text) and edits the ignore files; fix-all never
 * applies it; the `ecaLens/migrationPreview` request gives the same plan and sees existing files.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { CodeAction, Command, CreateFile, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { inProcess, uriOf, RICH_CAPS } from './client';
import { D, twoApps, rangeOf, wholeFile } from './projects';
import { Methods, type MigrationPreviewResult } from '../../server/src/shared/protocol';

const isAction = (a: CodeAction | Command): a is CodeAction => typeof (a as Command).command !== 'string';
const CA = `${D}/connectedApps/Legacy.connectedApp-meta.xml`;
const CA_TEXT = `<?xml version="1.0" encoding="UTF-8"?>
<ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
    <contactEmail>ops@acme.example</contactEmail>
    <label>Legacy</label>
    <oauthConfig>
        <callbackUrl>https://legacy.example/cb</callbackUrl>
        <isAdminApproved>true</isAdminApproved>
        <isPkceRequired>true</isPkceRequired>
        <scopes>Api</scopes>
    </oauthConfig>
</ConnectedApp>
`;
const NEW = [
  `${D}/externalClientApps/Legacy.eca-meta.xml`,
  `${D}/extlClntAppOauthSettings/Legacy_oauth.ecaOauth-meta.xml`,
  `${D}/extlClntAppGlobalOauthSets/Legacy_glbloauth.ecaGlblOauth-meta.xml`,
  `${D}/extlClntAppOauthPolicies/Legacy_oauthPlcy.ecaOauthPlcy-meta.xml`,
];

test('connected-app-migration over LSP: the code action creates the four files with their text; fix-all leaves it; the preview agrees', async () => {
  const fx = twoApps({ [CA]: CA_TEXT });
  const c = inProcess();
  await c.initialize([fx.root], { capabilities: RICH_CAPS });
  const p = fx.abs(CA);
  try {
    await c.open(p);

    const preview = await c.request<MigrationPreviewResult>(Methods.migrationPreview, { uri: uriOf(p) });
    assert.equal(preview.problem, undefined);
    assert.equal(preview.convertible, true);
    assert.deepEqual(preview.files.map((f) => [f.path, f.exists]), NEW.map((n) => [n, false]));
    assert.ok(preview.mapped.some((m) => m.from === 'oauthConfig/scopes' && m.to === 'commaSeparatedOauthScopes'));
    assert.deepEqual(preview.ignoreEdits.map((e) => e.path).sort(), ['.forceignore', '.gitignore']);

    const actions = (await c.codeActions(p, rangeOf(CA_TEXT, 'ConnectedApp xmlns'))).filter(isAction);
    const create = actions.find((a) => a.title === 'Create External Client App from this Connected App');
    assert.ok(create, `offered: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(create.kind, 'quickfix');
    assert.notEqual(create.isPreferred, true);
    const dc = create.edit!.documentChanges!;
    const creates = dc.filter((x): x is CreateFile => 'kind' in x && x.kind === 'create').map((x) => x.uri);
    assert.deepEqual(creates, [...NEW.map((n) => uriOf(fx.abs(n))), uriOf(fx.abs('.gitignore'))]);
    for (const u of creates) {
      const text = dc.find((x): x is TextDocumentEdit => 'textDocument' in x && x.textDocument.uri === u);
      assert.ok(text && text.edits.length === 1 && (text.edits[0] as { newText: string }).newText.length > 0, u);
    }
    const previewByUri = new Map(preview.files.map((f) => [f.uri, f.text]));
    for (const n of NEW) {
      const e = dc.find((x): x is TextDocumentEdit => 'textDocument' in x && x.textDocument.uri === uriOf(fx.abs(n)))!;
      assert.equal((e.edits[0] as { newText: string }).newText, previewByUri.get(uriOf(fx.abs(n))), `${n}: the preview shows what the action writes`);
    }

    // Fix-all (file and source.fixAll) never creates the files.
    for (const kind of ['source.fixAll.ecaLens', 'source.fixAll']) {
      for (const a of (await c.codeActions(p, wholeFile, [kind])).filter(isAction)) {
        const r = a.edit ? a : await c.resolve(a);
        assert.ok(!(r.edit?.documentChanges ?? []).some((x) => 'kind' in x && x.kind === 'create' && /Legacy/.test(x.uri)), kind);
      }
    }

    c.applyEdit(create.edit!);
    for (const n of NEW) assert.equal(fs.readFileSync(fx.abs(n), 'utf8'), previewByUri.get(uriOf(fx.abs(n))));
    assert.match(fs.readFileSync(fx.abs('.gitignore'), 'utf8'), /Legacy_glbloauth\.ecaGlblOauth-meta\.xml/);
    const after = await c.request<MigrationPreviewResult>(Methods.migrationPreview, { uri: uriOf(p) });
    assert.deepEqual(after.files.map((f) => f.exists), [true, true, true, true]);
    const none = (await c.codeActions(p, rangeOf(CA_TEXT, 'ConnectedApp xmlns'))).filter(isAction);
    assert.ok(!none.some((a) => a.title.startsWith('Create External Client App')), 'every file exists: no action');

    const bad = await c.request<MigrationPreviewResult>(Methods.migrationPreview, { uri: uriOf(fx.abs(NEW[0]!)) });
    assert.match(bad.problem!, /not a Connected App/);
  } finally {
    c.dispose();
    fx.cleanup();
  }
});
