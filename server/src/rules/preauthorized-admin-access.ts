/**
 * Rule: preauthorized-admin-access
 *
 * The users pre-authorised for an app (an OAuth policies file's `commaSeparatedProfile` /
 * `commaSeparatedPermissionSet`; a ConnectedApp's `profileName` / `permissionSetName`) include
 * System Administrator (`System Administrator`, API name `Admin`), or a permission set or profile
 * of the project that grants ModifyAllData, ViewAllData, ManageUsers or AuthorApex. Least
 * privilege (reference §7): a stolen token of such a user reads or changes everything.
 * At the name in the list; related information: the permission file and each granting element.
 * No fix (which permissions the integration needs is the admin's decision).
 */
import { ADMIN_PERMISSIONS, defineRule, displayPath, enabledUserPermissions, isSystemAdministrator, preauthorizedNames, resolveAccess, type RawFinding, type Related } from './kit';

export const rule = defineRule({
  id: 'preauthorized-admin-access',
  severity: 'warning',
  title: 'A pre-authorised profile or permission set has administrator access',
  appliesTo: ['ExtlClntAppOauthConfigurablePolicies', 'ConnectedApp'],
  needsXml: true,
  check(ctx) {
    const out: RawFinding[] = [];
    for (const n of preauthorizedNames(ctx.doc.text, ctx.root, ctx.file.type!.name)) {
      const file = resolveAccess(ctx, n.kind, n.name);
      const what = n.kind === 'profile' ? 'profile' : 'permission set';
      const related: Related[] = [];
      const granted: string[] = [];
      if (file) {
        const perms = enabledUserPermissions(file.root);
        for (const p of ADMIN_PERMISSIONS) {
          const el = perms.get(p);
          if (!el) continue;
          granted.push(p);
          related.push({ path: file.path, range: ctx.range(file.path, el.start, el.end), message: `${p} enabled in ${displayPath(ctx.project, file.path)}` });
        }
      }
      const admin = n.kind === 'profile' && isSystemAdministrator(n.name);
      if (!admin && !granted.length) continue;
      if (file && !related.length) related.push({ path: file.path, range: ctx.range(file.path, 0, 0), message: `The ${what} ${file.apiName}` });
      const why = admin
        ? `"${n.name}" is the System Administrator profile`
        : `the ${what} "${n.name}" grants ${granted.join(', ')}`;
      out.push(ctx.finding(n, `Pre-authorised ${what}: ${why}. Every user it covers can use this app with administrator access: pre-authorise a dedicated least-privilege permission set instead.`,
        related.length ? { related } : undefined));
    }
    return out;
  },
});
