/**
 * Rule: refresh-token-long-lived
 *
 * Refresh tokens live longer than Salesforce advises (a 30-day idle limit: `SpecificInactivity`
 * 30 `Days`). Warning for `Infinite` (Connected App `infinite`); information for a lifetime or
 * idle limit over 30 days (1 Month counts as 30 days, so only 2 Months or more; Hours never),
 * and for an OAuth policies file with no `refreshTokenPolicyType` (the generated default,
 * SpecificLifetime 365 Days), reported at its root tag. Silent when the app's scopes are known
 * and issue no refresh tokens. No fix: the right lifetime is the admin's choice.
 */
import { defineRule, heldHere, postureOf, settingSpan, type Span } from './kit';

export const rule = defineRule({
  id: 'refresh-token-long-lived',
  severity: 'warning',
  title: 'Refresh tokens never expire or live longer than 30 days',
  appliesTo: ['ExtlClntAppOauthConfigurablePolicies', 'ConnectedApp'],
  needsXml: true,
  check(ctx) {
    const p = postureOf(ctx);
    if (!p || !p.hasOAuth || p.flows.refreshToken.enabled === false) return [];
    const rt = p.refreshToken;
    const policy = rt.policy;
    if (!heldHere(ctx, policy) || policy.value === null) return [];
    const advice = 'Salesforce advises a 30-day idle limit (SpecificInactivity, 30 Days); the platform enforces a 30-day idle expiry from late 2026.';
    if (policy.value === 'Infinite') {
      return [ctx.finding(settingSpan(policy), `Refresh tokens never expire (${policy.raw}): a leaked one works until someone revokes it. ${advice}`)];
    }
    if (policy.value !== 'SpecificLifetime' && policy.value !== 'SpecificInactivity') return [];
    // A limit in Hours is never reported (short-lived by intent); 1 Month counts as 30 days.
    if (rt.days === null || rt.days <= 30 || rt.unit.value === 'Hours') return [];
    const kind = policy.value === 'SpecificLifetime' ? 'lifetime' : 'idle limit';
    const amount = `${rt.period.value} ${rt.unit.value}`;
    let at: Span;
    let message: string;
    if (!rt.explicit) {
      at = settingSpan(policy);
      message = `No refreshTokenPolicyType: the generated default applies, refresh tokens that live ${amount} (SpecificLifetime). ${advice}`;
    } else {
      // Point at the period when it is written in this file, else at the policy.
      const period = rt.period;
      at = period.explicit && heldHere(ctx, period) && p.kind === 'eca' ? settingSpan(period) : settingSpan(policy);
      message = `Refresh tokens have a ${kind} of ${amount}, over 30 days. ${advice}`;
    }
    return [ctx.finding(at, message, { severity: 'information' })];
  },
});
