/**
 * Rule: introspect-all-tokens
 *
 * `isIntrospectAllTokens` true (ECA global OAuth settings; Connected App `oauthConfig`): the app
 * may introspect every OAuth token issued in the org, not only its own. Least privilege says off.
 * Fix (suggestion: a resource server that needs it stops working): set it to false.
 */
import { defineRule, heldHere, postureOf, setSettingEdit } from './kit';

export const rule = defineRule({
  id: 'introspect-all-tokens',
  severity: 'warning',
  title: 'The app may introspect every token in the org',
  appliesTo: ['ExtlClntAppGlobalOauthSettings', 'ConnectedApp'],
  needsXml: true,
  check(ctx) {
    const p = postureOf(ctx);
    if (!p) return [];
    const s = p.introspectAll;
    if (!heldHere(ctx, s) || s.value !== true) return [];
    const message = 'isIntrospectAllTokens is true: the app may introspect every OAuth token issued in the org, not only its own. ' +
      'Turn it off unless the app is a resource server that must validate other apps\' tokens.';
    const edit = setSettingEdit(ctx, s, 'isIntrospectAllTokens', 'false');
    return [ctx.finding(s.at.element, message, edit ? ctx.fix('Turn isIntrospectAllTokens off', edit, { kind: 'suggestion', preferred: true }) : undefined)];
  },
});
