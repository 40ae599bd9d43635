/**
 * Rule: session-level-blocks-headless
 *
 * `policyAction` `RaiseSessionLevel` with `requiredSessionLevel` `HIGH_ASSURANCE` (Connected App
 * `sessionPolicy` `policyAction`/`sessionLevel`) while a headless flow is the app's flow: client
 * credentials (global settings or OAuth policies; Connected App `isClientCredentialEnabled`) or
 * JWT bearer (a `certificate`). A headless flow has no user to raise the session level, so every
 * token request fails. Reported at the session level. No fix: which one to change is a design choice.
 */
import { defineRule, heldHere, postureOf, relatedAt, settingSpan } from './kit';

export const rule = defineRule({
  id: 'session-level-blocks-headless',
  severity: 'warning',
  title: 'A high-assurance session requirement blocks the app\'s headless flow',
  appliesTo: ['ExtlClntAppOauthConfigurablePolicies', 'ConnectedApp'],
  needsXml: true,
  check(ctx) {
    const p = postureOf(ctx);
    if (!p) return [];
    const { policyAction, level } = p.session;
    if (!heldHere(ctx, level) || !level.explicit) return [];
    if (!/^high_?assurance$/i.test(level.value ?? '') || !/^raise_?session_?level$/i.test(policyAction.value ?? '')) return [];
    const flows: string[] = [];
    const sources = [];
    if (p.flows.clientCredentials.enabled) {
      flows.push('client credentials');
      sources.push(...p.flows.clientCredentials.sources);
    }
    if (p.flows.jwtBearer.enabled) {
      flows.push('JWT bearer');
      sources.push(...p.flows.jwtBearer.sources);
    }
    if (!flows.length) return [];
    const related = sources.filter((s) => s.path !== ctx.file.path).slice(0, 2).map((s) => relatedAt(ctx, s, `${s.element.name} enables a headless flow`));
    const message = `The policy raises the session level to ${level.raw}, but the app uses the ${flows.join(' and ')} flow: ` +
      'a headless flow has no user to raise the session, so its token requests fail. Use Block with a lower level, or a separate app for the headless integration.';
    return [ctx.finding(settingSpan(level), message, related.length ? { related } : undefined)];
  },
});
