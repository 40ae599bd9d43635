/**
 * Rule: consumer-secret-optional
 *
 * `isConsumerSecretOptional` true without `isPkceRequired` true (ECA global OAuth settings;
 * Connected App `oauthConfig`): the web-server flow then runs with nothing that proves the client.
 * Only a public client may skip the secret, and it needs PKCE instead (High in the Security
 * Health Review). Fix (suggestion): require PKCE (preferred), or require the secret again.
 */
import { defineRule, heldHere, postureOf, setSettingEdit, type Fix } from './kit';

export const rule = defineRule({
  id: 'consumer-secret-optional',
  severity: 'warning',
  title: 'The consumer secret is optional and PKCE is not required',
  appliesTo: ['ExtlClntAppGlobalOauthSettings', 'ConnectedApp'],
  needsXml: true,
  check(ctx) {
    const p = postureOf(ctx);
    if (!p) return [];
    const s = p.consumerSecretOptional;
    if (!heldHere(ctx, s) || s.value !== true || p.pkceRequired.value === true) return [];
    const fixes: Fix[] = [];
    const pkce = p.pkceRequired.at && p.pkceRequired.at.path === ctx.file.path ? setSettingEdit(ctx, { explicit: p.pkceRequired.explicit, at: p.pkceRequired.at }, 'isPkceRequired', 'true') : undefined;
    if (pkce) fixes.push(ctx.fix('Require PKCE', pkce, { kind: 'suggestion', preferred: true }));
    const secret = setSettingEdit(ctx, s, 'isConsumerSecretOptional', 'false');
    if (secret) fixes.push(ctx.fix('Require the consumer secret', secret, { kind: 'suggestion' }));
    const message = 'isConsumerSecretOptional is true and PKCE is not required: the web-server flow runs with nothing that proves the client. ' +
      'Keep the secret required unless this is a public client, and then require PKCE (High in the Security Health Review).';
    return [ctx.finding(s.at.element, message, fixes)];
  },
});
