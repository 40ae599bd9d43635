/**
 * Rule: distribution-state-not-packaged
 *
 * A header that would ship in a packaged directory must say
 * `<distributionState>Packaged</distributionState>`; a `Local` app can't go into a 2GP package.
 * Fix (safe): set it (replace the value, or insert the element in schema order).
 */
import { insertChild, replaceContent } from '../edits/textEdits';
import { child, defineRule, isPackagedDir, tagNameSpan } from './kit';

export const rule = defineRule({
  id: 'distribution-state-not-packaged',
  severity: 'error',
  title: 'A header that ships in a 2GP package is not distributionState Packaged',
  appliesTo: ['ExternalClientApplication'],
  needsXml: true,
  check(ctx) {
    const { file: f, root } = ctx;
    if (!f.included || !isPackagedDir(f)) return [];
    const el = child(root, 'distributionState');
    if (el?.text === 'Packaged') return [];
    const edit = el ? replaceContent(el, 'Packaged') : insertChild(ctx.doc, root, 'distributionState', 'Packaged');
    const pkg = `package "${f.packageDir!.package}"`;
    const message = el
      ? el.text
        ? `App "${f.fullName}" ships in ${pkg} but its distributionState is "${el.text}"; only a Packaged app can be packaged.`
        : `App "${f.fullName}" ships in ${pkg} but its distributionState is empty; only a Packaged app can be packaged.`
      : `App "${f.fullName}" ships in ${pkg} but has no distributionState (Local by default); only a Packaged app can be packaged.`;
    // An empty value (`<distributionState/>`) has no text to point at: the element's tag name then.
    return [ctx.finding(el ?? tagNameSpan(root), message, ctx.fix('Set distributionState to Packaged', ctx.edit(f.path, edit), { kind: 'safe', preferred: true }))];
  },
});
