/**
 * Rule: preauthorized-name-unresolved
 *
 * A permission set or profile named in the pre-authorised lists (policies'
 * `commaSeparatedPermissionSet` / `commaSeparatedProfile`, ConnectedApp `permissionSetName` /
 * `profileName`) is not in the project, so what it grants cannot be checked (and a typo deploys
 * an app nobody may use). One finding per name. Standard profiles (Standard User, Minimum Access -
 * API Only Integrations, ...) are rarely retrieved into source: the message says it is a standard
 * profile rather than "not found". System Administrator is left to preauthorized-admin-access.
 * No fix.
 */
import { defineRule, isStandardProfile, isSystemAdministrator, preauthorizedNames, resolveAccess, type RawFinding } from './kit';

export const rule = defineRule({
  id: 'preauthorized-name-unresolved',
  severity: 'information',
  title: 'A pre-authorised permission set or profile is not in the project',
  appliesTo: ['ExtlClntAppOauthConfigurablePolicies', 'ConnectedApp'],
  needsXml: true,
  check(ctx) {
    const out: RawFinding[] = [];
    for (const n of preauthorizedNames(ctx.doc.text, ctx.root, ctx.file.type!.name)) {
      if (n.kind === 'profile' && isSystemAdministrator(n.name)) continue;
      if (resolveAccess(ctx, n.kind, n.name)) continue;
      const message = n.kind === 'profile' && isStandardProfile(n.name)
        ? `"${n.name}" is a standard profile, usually not in source: what it grants cannot be checked here (retrieve it into the project to check it).`
        : `No ${n.kind === 'profile' ? 'profile' : 'permission set'} "${n.name}" in the project (looked for ${n.kind === 'profile' ? '*.profile-meta.xml' : '*.permissionset-meta.xml'} by API name and label): what it grants cannot be checked, and a misspelt name pre-authorises nobody.`;
      out.push(ctx.finding(n, message));
    }
    return out;
  },
});
