// `npm run demo`: the CLI on the example project shipped in the repo. The example is full of
// hazards on purpose, so the CLI exits 1; the demo itself succeeds unless the CLI fails (exit 2).
import { spawnSync } from 'node:child_process';

const dir = 'examples/acme-billing';
console.log(`$ eca-lens check ${dir}\n`);
const r = spawnSync(process.execPath, ['server/out/cli.js', 'check', dir], { stdio: 'inherit' });
if (r.status === 2 || r.status === null) process.exit(1);
console.log(
  `\neca-lens exited ${r.status}: ${r.status === 1 ? 'errors found, as planted in the example (see examples/acme-billing/README.md)' : 'no errors'}.` +
    `\nTry: node server/out/cli.js check ${dir} --format sarif   |   --format json   |   eca-lens rules`,
);
