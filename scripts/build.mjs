// Bundles (esbuild): the language server and the VS Code client, each one file; the CLI, an entry
// and the engine it loads.
import { docsBaseFromRepository } from './docsBase.mjs';
import * as esbuild from 'esbuild';
import { readFileSync, chmodSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // jsonc-parser's UMD build hides its requires from the bundler: take the ESM build.
  mainFields: ['module', 'main'],
  define: { ECA_LENS_VERSION: JSON.stringify(pkg.version), ECA_LENS_DOCS_BASE: JSON.stringify(docsBaseFromRepository(pkg.repository) ?? '') },
};

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'server/out/server.js' }),
  // The CLI in two files: the entry, which answers an unchanged `check --cache` alone, and the
  // engine it loads otherwise (server/src/cli.ts).
  esbuild.build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'server/out/cli.js', external: ['./cliEngine.js'] }),
  esbuild.build({ ...common, entryPoints: ['server/src/cliEngine.ts'], outfile: 'server/out/cliEngine.js' }),
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'] }),
]);
chmodSync('server/out/cli.js', 0o755);
