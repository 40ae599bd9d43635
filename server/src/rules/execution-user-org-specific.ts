/**
 * Rule: execution-user-org-specific
 *
 * A client credentials "Run As" username in source (ECA OAuth policies `clientCredentialsFlowUser`;
 * Connected App `oauthConfig/oauthClientCredentialUser`). A username exists in one org only, so
 * deploying the file to any other org fails with "Enter a valid execution user for the OAuth
 * client credentials flow". Silent for placeholders (`${VAR}`, values that are not a username) and
 * when an sfdx-project.json `replacements` entry covers the file and replaces the value. Silent
 * when the file is not deployed from source at all (excluded by `.forceignore`, or outside every
 * package directory): that is the advice followed.
 * Information; no fix (keep the policies out of the deploy, or add a replacement).
 */
import { defineRule, heldHere, postureOf, replacementCovers } from './kit';

/** A Salesforce username has the shape of an email address. */
const USERNAME = /^[^\s@${}]+@[^\s@${}]+\.[^\s@${}]+$/;

export const rule = defineRule({
  id: 'execution-user-org-specific',
  severity: 'information',
  title: 'A client credentials execution user that exists in one org only is in source',
  appliesTo: ['ExtlClntAppOauthConfigurablePolicies', 'ConnectedApp'],
  needsXml: true,
  check(ctx) {
    const p = postureOf(ctx);
    if (!p) return [];
    const s = p.executionUser;
    if (!ctx.file.included) return [];
    if (!heldHere(ctx, s) || !s.explicit || !s.raw || !USERNAME.test(s.raw)) return [];
    const el = s.at.element;
    if (replacementCovers(ctx, ctx.file.path, ctx.doc.text.slice(el.start, el.end))) return [];
    const message = `The execution user "${s.raw}" exists in one org only: deploying this file to any other org fails with ` +
      '"Enter a valid execution user for the OAuth client credentials flow". Keep the policies out of that deploy, or set the user per org with a ' +
      '"replacements" entry in sfdx-project.json (stringToReplace + replaceWithEnv).';
    return [ctx.finding(el, message)];
  },
});
