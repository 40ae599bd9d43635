/**
 * Rule: integration-user-standard
 *
 * A pre-authorised profile found in the project is not an API-only integration profile per the
 * integration-user standard (reference §7): `<userLicense>Salesforce Integration</userLicense>`,
 * the `ApiUserOnly` user permission enabled, and `loginIpRanges` (so IP relaxation `Enforce` has
 * ranges to enforce). One finding per profile name, listing what is missing. No fix.
 */
import { defineRule, enabledUserPermissions, preauthorizedNames, resolveAccess, type RawFinding } from './kit';
import { child } from './kit';

export const rule = defineRule({
  id: 'integration-user-standard',
  severity: 'information',
  title: 'A pre-authorised profile is not an API-only integration profile',
  appliesTo: ['ExtlClntAppOauthConfigurablePolicies', 'ConnectedApp'],
  needsXml: true,
  check(ctx) {
    const out: RawFinding[] = [];
    for (const n of preauthorizedNames(ctx.doc.text, ctx.root, ctx.file.type!.name)) {
      if (n.kind !== 'profile') continue;
      const file = resolveAccess(ctx, 'profile', n.name);
      if (!file) continue;
      const missing: string[] = [];
      const license = child(file.root, 'userLicense')?.text;
      if (license !== 'Salesforce Integration') missing.push(license ? `userLicense is "${license}", not "Salesforce Integration"` : 'no userLicense "Salesforce Integration"');
      if (!enabledUserPermissions(file.root).has('ApiUserOnly')) missing.push('no ApiUserOnly user permission enabled');
      if (!file.root.children.some((c) => c.name === 'loginIpRanges')) missing.push('no loginIpRanges');
      if (!missing.length) continue;
      out.push(ctx.finding(n, `Pre-authorised profile "${n.name}" is not an API-only integration profile: ${missing.join('; ')}. The integration standard: a dedicated user on the Salesforce Integration license, API only, with login IP ranges.`,
        { related: [{ path: file.path, range: ctx.range(file.path, 0, 0), message: `The profile ${file.apiName}` }] }));
    }
    return out;
  },
});
