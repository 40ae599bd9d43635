// Copies the README-ready screenshots of the last e2e run (test/e2e/screenshots/, git-ignored)
// into docs/images/. Run after `npm run test:e2e`: node scripts/docs-screenshots.mjs
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';

const shots = {
  'overview.png': 'vscode-overview.png', // tree, checklist and Problems with the example's hazards
  'tree.png': 'vscode-tree.png', // the External Client Apps view and the checklist, before fixing
  'quickfix.png': 'vscode-quickfix.png', // the quick fix menu on a Packaged header without orgScopedExternalApp
  'checklist-reveal.png': 'vscode-checklist-reveal.png', // a failing check opens its problem
  'checklist.png': 'vscode-checklist.png', // after "Fix All": every app ready
  'problems.png': 'vscode-problems.png', // the Problems panel
  'forceignore.png': 'vscode-forceignore.png', // .forceignore highlighting
};
mkdirSync('docs/images', { recursive: true });
let missing = 0;
for (const [from, to] of Object.entries(shots)) {
  const src = `test/e2e/screenshots/${from}`;
  if (!existsSync(src)) {
    console.error(`missing ${src}: run npm run test:e2e first`);
    missing++;
    continue;
  }
  copyFileSync(src, `docs/images/${to}`);
  console.log(`docs/images/${to}`);
}
process.exit(missing ? 1 : 0);
