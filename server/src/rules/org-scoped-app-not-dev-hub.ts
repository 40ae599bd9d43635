/**
 * Rule: org-scoped-app-not-dev-hub
 *
 * A header (`orgScopedExternalApp`) or OAuth settings file (`oauthLink`) that ships in a package
 * names an org (first 15 characters) that is not the Dev Hub's, found offline (setting,
 * `--dev-hub-org-id`, or the sf CLI's `target-dev-hub`). The package version build then fails:
 * "External client apps that are created in ephemeral orgs can't be packaged." Silent without a
 * known Dev Hub id, and for values with no org id (org-scoped-app-invalid / oauth-link-invalid).
 * No fix: the app has to be created in the Dev Hub and retrieved again.
 */
import { defineRule, fieldOf, orgScopedAppNotDevHub, shipsInPackage } from './kit';

export const rule = defineRule({
  id: 'org-scoped-app-not-dev-hub',
  severity: 'warning',
  title: "The org in orgScopedExternalApp / oauthLink is not the Dev Hub's",
  appliesTo: ['ExternalClientApplication', 'ExtlClntAppOauthSettings'],
  needsXml: true,
  check(ctx) {
    const { file: f, root, doc } = ctx;
    if (!shipsInPackage(f)) return [];
    const hub = ctx.project.devHub();
    if (!hub.orgId) return [];
    const name = f.type!.name === 'ExternalClientApplication' ? 'orgScopedExternalApp' : 'oauthLink';
    const field = fieldOf(doc.text, root, name);
    if (!field) return [];
    return orgScopedAppNotDevHub({ path: f.rel, type: f.type!.name, fullName: f.fullName, fields: { [name]: field } }, hub.orgId).map((x) =>
      ctx.finding({ start: x.start, end: x.end }, `${x.message} (Dev Hub id from ${hub.source}.)`),
    );
  },
});
