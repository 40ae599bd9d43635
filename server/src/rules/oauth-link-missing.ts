/**
 * Rule: oauth-link-missing
 *
 * OAuth settings of a `Packaged` app with no `oauthLink`: every org it is deployed to (scratch orgs
 * included) gets its own consumer key instead of the packaged app's. Information only; no fix.
 */
import { child, defineRule, tagNameSpan } from './kit';

export const rule = defineRule({
  id: 'oauth-link-missing',
  severity: 'information',
  title: 'OAuth settings of a Packaged app have no oauthLink',
  appliesTo: ['ExtlClntAppOauthSettings'],
  needsXml: true,
  check(ctx) {
    const root = ctx.root;
    if (child(root, 'oauthLink')) return [];
    const header = ctx.app?.headers[0];
    const hroot = header?.xml?.root;
    const state = hroot ? child(hroot, 'distributionState') : undefined;
    if (!state || state.text !== 'Packaged') return [];
    const message = `OAuth settings of Packaged app "${header!.fullName}" have no oauthLink: each org this is deployed to (scratch orgs included) gets its own consumer key. Retrieve the OAuth settings from the Dev Hub to get the link.`;
    return [ctx.finding(tagNameSpan(root), message, {
      related: [{ path: header!.path, range: ctx.range(header!.path, state.contentStart, state.contentEnd), message: 'The app is Packaged here' }],
    })];
  },
});
