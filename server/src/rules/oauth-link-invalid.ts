/**
 * Rule: oauth-link-invalid
 *
 * `oauthLink` in OAuth settings must be `<org id>:<888… consumer id>`, and its org must be the org
 * of the app's `orgScopedExternalApp` (first 15 characters compared). An oauthLink retrieved from
 * one org and deployed to another fails: "couldn't update your OAuth link ... doesn't have
 * distribution state PACKAGED". Fix (a suggestion: it removes an element): remove it (Salesforce generates it on deploy).
 */
import { removeElement } from '../edits/textEdits';
import { CONSUMER_ID, ORG_ID, child, contentSpan, defineRule, type RawFinding, type Related } from './kit';

export const rule = defineRule({
  id: 'oauth-link-invalid',
  severity: 'error',
  title: 'oauthLink is not <org id>:<888 consumer id>, or names another org than the app',
  appliesTo: ['ExtlClntAppOauthSettings'],
  needsXml: true,
  check(ctx) {
    const { file: f, root } = ctx;
    // Every <oauthLink> is checked (schema-duplicate-element reports a second one): with one finding
    // per element, removing one leaves the other's finding, not the same finding again.
    const out: RawFinding[] = [];
    for (const el of root.children) {
      if (el.name !== 'oauthLink') continue;
      // Made for a finding only: most links are right, and the edit works out line positions.
      const fixes = () => [ctx.fix('Remove oauthLink (it is generated on deploy)', ctx.edit(f.path, removeElement(ctx.doc.text, el)), { kind: 'suggestion', preferred: true })];
      const value = el.text;
      const [org = '', consumer = '', ...rest] = value.split(':');
      if (rest.length || !ORG_ID.test(org) || !CONSUMER_ID.test(consumer)) {
        out.push(ctx.finding(contentSpan(el), `oauthLink "${value}" is not <org id>:<consumer id> (00D… then 888…, 15 or 18 characters each).`, fixes()));
        continue;
      }
      const header = ctx.app?.headers[0];
      const scoped = header?.xml?.root ? child(header.xml.root, 'orgScopedExternalApp') : undefined;
      if (header && scoped) {
        const appOrg = scoped.text.split(':')[0] ?? '';
        if (ORG_ID.test(appOrg) && appOrg.slice(0, 15) !== org.slice(0, 15)) {
          const related: Related[] = [{ path: header.path, range: ctx.range(header.path, scoped.contentStart, scoped.contentEnd), message: `The app is scoped to org ${appOrg}` }];
          const message = `oauthLink points at org ${org}, but app "${header.fullName}" is scoped to org ${appOrg}; deploying fails with "couldn't update your OAuth link". Remove oauthLink before deploying to another org.`;
          out.push(ctx.finding(contentSpan(el), message, { related, fixes: fixes() }));
        }
      }
    }
    return out;
  },
});
