/**
 * Rule: oauth-link-missing
 *
 * OAuth settings of a `Packaged` app with no `oauthLink`: every org it is deployed to (scratch orgs
 * included) gets its own consumer key instead of the packaged app's. Information only.
 */
import { child } from '../metadata/parse';
import type { EcaFileRule } from './types';
import { rootNameSpan } from '../rulekit/util';

export const rule: EcaFileRule = {
  id: 'oauth-link-missing',
  defaultSeverity: 'information',
  title: 'OAuth settings of a Packaged app have no oauthLink',
  scope: 'eca-file',
  check(ctx) {
    const f = ctx.file;
    const root = f.xml?.root;
    if (f.type?.name !== 'ExtlClntAppOauthSettings' || !root) return [];
    if (child(root, 'oauthLink')) return [];
    const header = ctx.app?.headers[0];
    const hroot = header?.xml?.root;
    const state = hroot ? child(hroot, 'distributionState') : undefined;
    if (!state || state.text !== 'Packaged') return [];
    return [{
      message: `OAuth settings of Packaged app "${header!.fullName}" have no oauthLink: each org this is deployed to (scratch orgs included) gets its own consumer key. Retrieve the OAuth settings from the Dev Hub to get the link.`,
      ...rootNameSpan(f),
      related: [{ path: header!.path, range: ctx.range(header!.path, state.contentStart, state.contentEnd), message: 'The app is Packaged here' }],
    }];
  },
};
