/**
 * Rule: refresh-secret-not-required
 *
 * `isSecretRequiredForRefreshToken` false (ECA global OAuth settings; Connected App
 * `oauthConfig`; default true): anyone holding a refresh token can get new access tokens
 * without the consumer secret. High in the Security Health Review. Silent for a public client
 * done right (consumer secret optional and PKCE required): it has no secret to send.
 * Fix (suggestion: public clients without a secret stop refreshing): set it to true.
 */
import { defineRule, heldHere, postureOf, setSettingEdit } from './kit';

export const rule = defineRule({
  id: 'refresh-secret-not-required',
  severity: 'warning',
  title: 'The refresh token flow does not require the consumer secret',
  appliesTo: ['ExtlClntAppGlobalOauthSettings', 'ConnectedApp'],
  needsXml: true,
  check(ctx) {
    const p = postureOf(ctx);
    if (!p) return [];
    const s = p.secretRequiredForRefresh;
    if (!heldHere(ctx, s) || s.value !== false) return [];
    if (p.consumerSecretOptional.value === true && p.pkceRequired.value === true) return [];
    const message = 'isSecretRequiredForRefreshToken is false: anyone holding a refresh token gets new access tokens without the consumer secret. ' +
      'Require the secret (the default; High in the Security Health Review).';
    const edit = setSettingEdit(ctx, s, 'isSecretRequiredForRefreshToken', 'true');
    return [ctx.finding(s.at.element, message, edit ? ctx.fix('Require the secret for the refresh token flow', edit, { kind: 'suggestion', preferred: true }) : undefined)];
  },
});
