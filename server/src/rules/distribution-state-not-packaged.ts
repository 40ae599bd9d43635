/**
 * Rule: distribution-state-not-packaged
 *
 * A header that would ship in a packaged directory must say
 * `<distributionState>Packaged</distributionState>`; a `Local` app can't go into a 2GP package.
 * Fix: set it (replace the value, or insert the element in schema order).
 */
import { child } from '../metadata/parse';
import { insertChild, replaceContent } from '../edits/textEdits';
import type { EcaFileRule } from './types';
import { isPackagedDir, rootNameSpan } from '../rulekit/util';

export const rule: EcaFileRule = {
  id: 'distribution-state-not-packaged',
  defaultSeverity: 'error',
  title: 'A header that ships in a 2GP package is not distributionState Packaged',
  scope: 'eca-file',
  check(ctx) {
    const f = ctx.file;
    const root = f.xml?.root;
    if (f.type?.name !== 'ExternalClientApplication' || !root || !f.included || !isPackagedDir(f)) return [];
    const el = child(root, 'distributionState');
    if (el?.text === 'Packaged') return [];
    const doc = f.doc!;
    const edit = el ? replaceContent(el, 'Packaged') : insertChild(doc, root, 'distributionState', 'Packaged');
    const pkg = `package "${f.packageDir!.package}"`;
    // An empty value (`<distributionState/>`) has no text to point at: point at the tag name.
    const span = !el ? rootNameSpan(f) : el.text ? { start: el.contentStart, end: el.contentEnd } : { start: el.start + 1, end: el.start + 1 + el.name.length };
    return [{
      message: el
        ? el.text
          ? `App "${f.fullName}" ships in ${pkg} but its distributionState is "${el.text}"; only a Packaged app can be packaged.`
          : `App "${f.fullName}" ships in ${pkg} but its distributionState is empty; only a Packaged app can be packaged.`
        : `App "${f.fullName}" ships in ${pkg} but has no distributionState (Local by default); only a Packaged app can be packaged.`,
      ...span,
      fixes: [{ title: 'Set distributionState to Packaged', preferred: true, edits: [ctx.edit(f.path, edit.start, edit.end, edit.newText)] }],
    }];
  },
};
