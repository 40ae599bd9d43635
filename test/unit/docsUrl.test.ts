/** Where the rule pages are: the default base, a configured base, the fork's repository. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_DOCS_BASE, DOCS_BASE_ENV, docsBaseFromRepository, docsPath, docsUrl, normalizeDocsBase } from '../../server/src/shared/docs';
import { normalizeSettings } from '../../server/src/lsp/settings';

const root = path.resolve(__dirname, '../../..');

test('docs: default base, an explicit base, the environment variable', () => {
  assert.equal(docsUrl('secret-in-source'), `${DEFAULT_DOCS_BASE}secret-in-source.md`);
  assert.equal(docsUrl('secret-in-source', 'https://example.com/eca/rules'), 'https://example.com/eca/rules/secret-in-source.md');
  assert.equal(docsUrl('secret-in-source', 'not a url'), `${DEFAULT_DOCS_BASE}secret-in-source.md`);
  const old = process.env[DOCS_BASE_ENV];
  try {
    process.env[DOCS_BASE_ENV] = 'https://mirror.example/docs/rules/';
    assert.equal(docsUrl('xml-malformed'), 'https://mirror.example/docs/rules/xml-malformed.md');
    assert.equal(docsUrl('xml-malformed', 'https://setting.example/'), 'https://setting.example/xml-malformed.md');
  } finally {
    if (old === undefined) delete process.env[DOCS_BASE_ENV];
    else process.env[DOCS_BASE_ENV] = old;
  }
  assert.equal(docsPath('xml-malformed'), 'docs/rules/xml-malformed.md');
  assert.equal(normalizeDocsBase(' file:///opt/eca/docs '), 'file:///opt/eca/docs/');
  assert.equal(normalizeDocsBase(''), undefined);
});

test('docs: a fork\'s package.json repository gives its base; the build script agrees with shared/docs.ts', async () => {
  assert.equal(docsBaseFromRepository({ type: 'git', url: 'https://github.com/acme/eca-lens.git' }), 'https://github.com/acme/eca-lens/blob/main/docs/rules/');
  assert.equal(docsBaseFromRepository('git@github.com:acme/eca-lens.git'), 'https://github.com/acme/eca-lens/blob/main/docs/rules/');
  assert.equal(docsBaseFromRepository({ url: 'https://gitlab.com/acme/eca-lens.git' }), undefined);
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  // The default is this package's own repository.
  assert.equal(docsBaseFromRepository(pkg.repository), DEFAULT_DOCS_BASE);
  const script = (await import(path.join(root, 'scripts', 'docsBase.mjs'))) as { docsBaseFromRepository(r: unknown): string | undefined };
  for (const r of [pkg.repository, 'git@github.com:acme/x.git', 'https://github.com/a/b', { url: 'https://gitlab.com/a/b' }, undefined]) {
    assert.equal(script.docsBaseFromRepository(r), docsBaseFromRepository(r), JSON.stringify(r));
  }
});

test('docs: the ecaLens.docsBaseUrl setting is kept only when it is a URL', () => {
  assert.equal(normalizeSettings({ docsBaseUrl: 'https://example.com/rules' }).docsBaseUrl, 'https://example.com/rules/');
  assert.equal('docsBaseUrl' in normalizeSettings({ docsBaseUrl: 'nope' }), false);
  assert.equal('docsBaseUrl' in normalizeSettings({}), false);
});
