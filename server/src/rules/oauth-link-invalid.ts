/**
 * Rule: oauth-link-invalid
 *
 * `oauthLink` in OAuth settings must be `<org id>:<888… consumer id>`, and its org must be the org
 * of the app's `orgScopedExternalApp` (first 15 characters compared). An oauthLink retrieved from
 * one org and deployed to another fails: "couldn't update your OAuth link ... doesn't have
 * distribution state PACKAGED". Fix: remove the element (Salesforce generates it on deploy).
 */
import { child } from '../metadata/parse';
import { removeElement } from '../edits/textEdits';
import type { EcaFileRule, Fix, Related } from './types';
import { CONSUMER_ID, ORG_ID } from '../rulekit/util';

export const rule: EcaFileRule = {
  id: 'oauth-link-invalid',
  defaultSeverity: 'error',
  title: 'oauthLink is not <org id>:<888 consumer id>, or names another org than the app',
  scope: 'eca-file',
  check(ctx) {
    const f = ctx.file;
    const root = f.xml?.root;
    if (f.type?.name !== 'ExtlClntAppOauthSettings' || !root) return [];
    const el = child(root, 'oauthLink');
    if (!el) return [];
    const text = f.doc!.text;
    const rm = removeElement(text, el);
    const fixes: Fix[] = [{ title: 'Remove oauthLink (it is generated on deploy)', preferred: true, edits: [ctx.edit(f.path, rm.start, rm.end, rm.newText)] }];
    const value = el.text;
    const [org = '', consumer = '', ...rest] = value.split(':');
    if (rest.length || !ORG_ID.test(org) || !CONSUMER_ID.test(consumer)) {
      return [{
        message: `oauthLink "${value}" is not <org id>:<consumer id> (00D… then 888…, 15 or 18 characters each).`,
        start: el.contentStart,
        end: el.contentEnd,
        fixes,
      }];
    }
    const header = ctx.app?.headers[0];
    const scoped = header?.xml?.root ? child(header.xml.root, 'orgScopedExternalApp') : undefined;
    if (header && scoped) {
      const appOrg = scoped.text.split(':')[0] ?? '';
      if (ORG_ID.test(appOrg) && appOrg.slice(0, 15) !== org.slice(0, 15)) {
        const related: Related[] = [{ path: header.path, range: ctx.range(header.path, scoped.contentStart, scoped.contentEnd), message: `The app is scoped to org ${appOrg}` }];
        return [{
          message: `oauthLink points at org ${org}, but app "${header.fullName}" is scoped to org ${appOrg}; deploying fails with "couldn't update your OAuth link". Remove oauthLink before deploying to another org.`,
          start: el.contentStart,
          end: el.contentEnd,
          related,
          fixes,
        }];
      }
    }
    return [];
  },
};
