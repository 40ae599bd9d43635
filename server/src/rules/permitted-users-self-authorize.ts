/**
 * Rule: permitted-users-self-authorize
 *
 * Any user may authorize the app: ECA OAuth policies `permittedUsersPolicyType`
 * `AllSelfAuthorized`, written or absent (absent in a policies file is the platform default); a
 * Connected App with an `oauthConfig` whose `isAdminApproved` is not true. Least privilege is
 * `AdminApprovedPreAuthorized` with named permission sets or profiles.
 * Fix (suggestion: users not pre-authorized lose access): set `AdminApprovedPreAuthorized`
 * (Connected App: `isAdminApproved` true, inserted in schema order when absent).
 */
import { defineRule, heldHere, postureOf, setSettingEdit, settingSpan } from './kit';

export const rule = defineRule({
  id: 'permitted-users-self-authorize',
  severity: 'warning',
  title: 'Every user may self-authorize the app',
  appliesTo: ['ExtlClntAppOauthConfigurablePolicies', 'ConnectedApp'],
  needsXml: true,
  check(ctx) {
    const p = postureOf(ctx);
    if (!p || !p.hasOAuth) return [];
    const s = p.permittedUsers;
    if (!heldHere(ctx, s) || s.value !== 'AllSelfAuthorized') return [];
    const pre = p.preauthorized;
    const listed = (pre.profiles.items?.length ?? 0) + (pre.permissionSets.items?.length ?? 0) > 0;
    const then = listed ? '' : ' Then list the permission sets (or profiles) of the users who may use it.';
    let message: string;
    let edit;
    let title: string;
    if (p.kind === 'connectedApp') {
      message = (s.explicit ? `isAdminApproved is "${s.raw}"` : 'isAdminApproved is not set (false by default)') +
        ': every user may self-authorize the app. Set it to true so only pre-authorized users (profiles, permission sets) can use it.' + then;
      edit = setSettingEdit(ctx, s, 'isAdminApproved', 'true');
      title = 'Set isAdminApproved to true (admin approved users are pre-authorized)';
    } else {
      message = (s.explicit ? 'permittedUsersPolicyType is AllSelfAuthorized' : 'permittedUsersPolicyType is not set: the platform default AllSelfAuthorized applies') +
        ': every user may self-authorize the app. Use AdminApprovedPreAuthorized so only pre-authorized users can.' + then;
      edit = setSettingEdit(ctx, s, 'permittedUsersPolicyType', 'AdminApprovedPreAuthorized');
      title = 'Set permittedUsersPolicyType to AdminApprovedPreAuthorized';
    }
    return [ctx.finding(settingSpan(s), message, edit ? ctx.fix(title, edit, { kind: 'suggestion', preferred: true }) : undefined)];
  },
});
