/**
 * Rule: oauth-insecure-flows-allowed
 *
 * The org's OAuth settings in the project (`settings/OauthOidc.settings-meta.xml`, root
 * `<OauthOidcSettings>`) do not block the username-password flow (`blockOAuthUnPwFlow`) or the
 * user-agent flow (`blockOAuthUsrAgtFlow`, which also blocks the hybrid flow). Both hand tokens
 * out without the protections of the web-server flow; they retire for connected apps on
 * 2027-02-20 (reference §7). Only when the project holds that settings file. At the element, or
 * the root tag when it is absent.
 * Fix (suggestion: deploying it changes how the whole org authenticates): set it to true, or
 * insert it.
 */
import { insertChild, replaceContent } from '../edits/textEdits';
import { parseXml } from '../metadata/parse';
import { child, defineRule, tagNameSpan, valueSpan, type RawFinding } from './kit';

const FLOWS = [
  ['blockOAuthUnPwFlow', 'username-password'],
  ['blockOAuthUsrAgtFlow', 'user-agent (and hybrid)'],
] as const;

export const rule = defineRule({
  id: 'oauth-insecure-flows-allowed',
  severity: 'information',
  title: 'Org OAuth settings do not block the username-password and user-agent flows',
  scope: 'project',
  check(ctx) {
    const out: RawFinding[] = [];
    for (const p of ctx.project.listFiles('**/settings/OauthOidc.settings-meta.xml')) {
      const doc = ctx.textOf(p);
      const root = doc ? parseXml(doc).root : undefined;
      if (!doc || !root || root.name !== 'OauthOidcSettings') continue;
      for (const [name, flow] of FLOWS) {
        const el = child(root, name);
        if (el?.text === 'true') continue;
        const edit = el ? replaceContent(el, 'true') : insertChild(doc, root, name, 'true');
        const fix = ctx.fix(el ? `Set ${name} to true` : `Insert <${name}>true</${name}>`, ctx.edit(p, edit), { kind: 'suggestion', preferred: true });
        const span = el ? valueSpan(el) : tagNameSpan(root);
        out.push({
          ...ctx.finding(span, `The org's OAuth settings do not block the ${flow} flow (<${name}> is ${el ? `"${el.text}"` : 'absent'}): ` +
            'it hands out tokens without the protections of the web-server flow and retires for connected apps on 2027-02-20. Set it to true unless an integration still depends on it.', fix),
          path: p,
        });
      }
    }
    return out;
  },
});
