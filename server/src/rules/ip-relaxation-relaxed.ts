/**
 * Rule: ip-relaxation-relaxed
 *
 * IP restrictions are relaxed: ECA OAuth policies `ipRelaxationPolicyType` `Bypass`,
 * `Bypass_2factor` or `Enforce_RelaxRefresh` (Connected App `oauthPolicy/ipRelaxation`
 * `BYPASS`, `BYPASS_2FACTOR`, `ENFORCE_RELAXREFRESH`). `Enforce` keeps the integration user's
 * login IP ranges in force. A comment does not silence it; the rule setting does.
 * Fix (suggestion: clients outside the ranges stop working): set `Enforce` (`ENFORCE`).
 */
import { defineRule, heldHere, postureOf, setSettingEdit } from './kit';

const RELAXED = new Set(['Bypass', 'Bypass_2factor', 'Enforce_RelaxRefresh']);
const WHAT: Record<string, string> = {
  Bypass: 'the app ignores the users\' login IP ranges',
  Bypass_2factor: 'the app ignores the users\' login IP ranges once the user has verified with a second factor',
  Enforce_RelaxRefresh: 'refresh tokens work from any IP address',
};

export const rule = defineRule({
  id: 'ip-relaxation-relaxed',
  severity: 'warning',
  title: 'IP restrictions are relaxed for the app',
  appliesTo: ['ExtlClntAppOauthConfigurablePolicies', 'ConnectedApp'],
  needsXml: true,
  check(ctx) {
    const p = postureOf(ctx);
    if (!p) return [];
    const s = p.ipRelaxation;
    if (!heldHere(ctx, s) || !s.explicit || s.value === null || !RELAXED.has(s.value)) return [];
    const name = p.kind === 'connectedApp' ? 'ipRelaxation' : 'ipRelaxationPolicyType';
    const enforce = p.kind === 'connectedApp' ? 'ENFORCE' : 'Enforce';
    const message = `${name} is ${s.raw}: ${WHAT[s.value]}, so a stolen token works from anywhere. Use ${enforce} and give the integration user's profile login IP ranges.`;
    const edit = setSettingEdit(ctx, s, name, enforce);
    return [ctx.finding(s.at.element, message, edit ? ctx.fix(`Set ${name} to ${enforce}`, edit, { kind: 'suggestion', preferred: true }) : undefined)];
  },
});
