// Writes package.json's `ecaLens.rules` setting properties from the rule list the client shares
// (server/src/shared/rules.ts, checked against the registry by test/unit/client/manifest.test.ts),
// so a new rule is not also hand-typed into the manifest. `--check`: exit 1 when package.json differs.
import * as esbuild from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const out = await esbuild.build({ entryPoints: ['server/src/shared/rules.ts'], bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'warning' });
const mod = { exports: {} };
new Function('module', 'exports', 'require', out.outputFiles[0].text)(mod, mod.exports, createRequire(import.meta.url));
const { RULE_INFO } = mod.exports;
const text = readFileSync('package.json', 'utf8');
const pkg = JSON.parse(text);
const rules = pkg.contributes.configuration.properties['ecaLens.rules'];
const LEVELS = ['off', 'hint', 'information', 'warning', 'error'];
const WHAT = ['Not reported', 'Shown as a hint (no squiggle, not in Problems)', 'Information', 'Warning', 'Error'];
const DOCS = 'https://github.com/eca-lens/eca-lens/blob/main/docs/rules/';
rules.properties = Object.fromEntries(
  RULE_INFO.map((r) => [
    r.id,
    { type: 'string', enum: LEVELS, enumDescriptions: WHAT, markdownDescription: `${r.title.replace(/"/g, '"')}. Default: \`${r.defaultSeverity}\`. [Documentation](${DOCS}${r.id}.md)` },
  ]),
);
const next = JSON.stringify(pkg, null, 2) + '\n';
if (process.argv.includes('--check')) {
  if (next !== text) {
    console.error('package.json: ecaLens.rules is not what scripts/gen-manifest.mjs writes; run npm run gen:manifest');
    process.exit(1);
  }
} else writeFileSync('package.json', next);
