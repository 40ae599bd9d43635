// Builds eca-lens-<version>.vsix offline with @vscode/vsce.
//
// The production bundles (minified, no source maps) are built into a private staging folder with
// the manifest, grammar, snippets, icons and docs, and vsce packages that folder: the working
// tree's dev bundles stay as they are, and a `node scripts/build.mjs` running at the same time
// can't slip unminified bundles into the package. `.vscodeignore` (an allow-list) applies as usual.
import { docsBaseFromRepository } from './docsBase.mjs';
import * as esbuild from 'esbuild';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = resolve(new URL('..', import.meta.url).pathname);
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
mkdirSync(join(root, '.tsbuild'), { recursive: true });
const stage = mkdtempSync(join(root, '.tsbuild', 'vsix-'));
const out = join(root, `${pkg.name}-${pkg.version}.vsix`);

try {
  const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: false,
    minify: true,
    logLevel: 'warning',
    // Same as scripts/build.mjs: jsonc-parser's UMD build hides its requires from the bundler.
    mainFields: ['module', 'main'],
    define: { ECA_LENS_VERSION: JSON.stringify(pkg.version), ECA_LENS_DOCS_BASE: JSON.stringify(docsBaseFromRepository(pkg.repository) ?? '') },
    absWorkingDir: root,
  };
  await Promise.all([
    esbuild.build({ ...common, entryPoints: ['server/src/server.ts'], outfile: join(stage, 'server/out/server.js') }),
    esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: join(stage, 'client/out/extension.js'), external: ['vscode'] }),
  ]);
  for (const f of ['package.json', '.vscodeignore', 'README.md', 'CHANGELOG.md', 'LICENSE', 'syntaxes', 'snippets', 'images', 'docs/rules']) {
    if (!existsSync(join(root, f))) throw new Error(`${f} is missing`);
    cpSync(join(root, f), join(stage, f), { recursive: true });
  }
  // package.json's "files" is npm's allow-list (the CLI tarball); vsce refuses it beside a
  // .vscodeignore, which is the vsix's allow-list: the staged manifest drops it.
  const manifest = JSON.parse(readFileSync(join(stage, 'package.json'), 'utf8'));
  delete manifest.files;
  writeFileSync(join(stage, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
  const vsce = join(root, 'node_modules', '.bin', 'vsce');
  const r = spawnSync(vsce, ['package', '--no-dependencies', '--out', out], { cwd: stage, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
  // What went in, for the log (and the reviewer).
  spawnSync('unzip', ['-l', out], { stdio: 'inherit' });
} finally {
  rmSync(stage, { recursive: true, force: true });
}
