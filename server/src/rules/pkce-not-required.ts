/**
 * Rule: pkce-not-required
 *
 * The authorization code flow is possible (a callback URL is set: no per-app setting turns the
 * web-server flow off; or the authorization code and credentials flow is on) and
 * `isPkceRequired` is not true (ECA global OAuth settings; Connected App `oauthConfig`). PKCE
 * stops an intercepted authorization code from being redeemed; rated High in the Security Health
 * Review and required of AppExchange partners. Silent when the global settings are not in source.
 * Fix (suggestion: every client must then send a code challenge): set it to true.
 */
import { APPEXCHANGE_NOTE, defineRule, heldHere, isPackagedApp, postureOf, setSettingEdit, settingSpan } from './kit';

export const rule = defineRule({
  id: 'pkce-not-required',
  severity: 'warning',
  title: 'The authorization code flow is possible without PKCE',
  appliesTo: ['ExtlClntAppGlobalOauthSettings', 'ConnectedApp'],
  needsXml: true,
  check(ctx) {
    const p = postureOf(ctx);
    if (!p) return [];
    const codeFlow = p.flows.authorizationCode.enabled === true || p.flows.codeAndCredentials.enabled === true;
    const s = p.pkceRequired;
    if (!codeFlow || !heldHere(ctx, s) || s.value === true) return [];
    const how = s.explicit ? `isPkceRequired is ${s.raw === '' ? 'empty' : `"${s.raw}"`}` : 'isPkceRequired is not set (off by default)';
    const message = `The app has a callback URL, so the authorization code flow can run, but ${how}: an intercepted authorization code can be redeemed. ` +
      'Require PKCE (High in the Security Health Review).' + (isPackagedApp(ctx, p) ? APPEXCHANGE_NOTE : '');
    const edit = setSettingEdit(ctx, s, 'isPkceRequired', 'true');
    return [ctx.finding(settingSpan(s), message, edit ? ctx.fix('Require PKCE', edit, { kind: 'suggestion', preferred: true }) : undefined)];
  },
});
