/**
 * Rule: org-scoped-app-invalid
 *
 * `orgScopedExternalApp` must be `<00D + 12 or 15 alphanumerics>:<the app's fullName>`. A
 * placeholder (`00D-XXXXXXXXXXXXXX:App`) fails validation on deploy; a name part that is not the
 * file's fullName points at another app. Fixes: correct the name part; for a bad org id, the Dev
 * Hub org id (Packaged app, id found offline), else a snippet with the org id to fill in. All safe:
 * they correct the value to the shape it must have (a snippet still waits for input).
 */
import { escapeXml, replaceContent } from '../edits/textEdits';
import { ORG_ID, child, contentSpan, defineRule, valueSpan, type Fix } from './kit';

export const rule = defineRule({
  id: 'org-scoped-app-invalid',
  severity: 'error',
  title: 'orgScopedExternalApp is not <org id>:<app name>',
  appliesTo: ['ExternalClientApplication'],
  needsXml: true,
  check(ctx) {
    const { file: f, root } = ctx;
    const el = child(root, 'orgScopedExternalApp');
    if (!el) return [];
    const value = el.text;
    const colon = value.indexOf(':');
    const org = colon >= 0 ? value.slice(0, colon) : value;
    const name = colon >= 0 ? value.slice(colon + 1) : '';
    const fixes: Fix[] = [];
    // `00DXXXXXXXXXXXX` has an org id's shape but is the snippet's placeholder left in place.
    const xRun = /x{6,}/i.test(org);
    if (colon < 0 || !ORG_ID.test(org) || xRun) {
      const placeholder = xRun || /x{4,}|[-_]|your|org_?id|todo/i.test(org);
      // A Packaged app is scoped to the Dev Hub that owns it: use its id when known offline.
      // Otherwise (or for a Local app, whose org ECA Lens can't know) a snippet to fill in.
      const packaged = child(root, 'distributionState')?.text === 'Packaged';
      const hub = packaged ? ctx.project.devHub() : undefined;
      if (hub?.orgId) {
        const e = replaceContent(el, `${hub.orgId}:${f.fullName}`);
        fixes.push(ctx.fix(`Set orgScopedExternalApp to ${hub.orgId}:${f.fullName} (Dev Hub from ${hub.source})`, ctx.edit(f.path, e), { kind: 'safe', preferred: true }));
      } else {
        const snippetName = escapeXml(f.fullName).replace(/[$}\\]/g, '\\$&');
        const e = replaceContent(el, `\${1:00DXXXXXXXXXXXX}:${snippetName}`, true);
        const title = packaged ? 'Set orgScopedExternalApp (enter the Dev Hub org id)' : 'Set orgScopedExternalApp (enter the id of the org that owns the app)';
        fixes.push(ctx.fix(title, ctx.edit(f.path, e), { kind: 'safe', snippet: true, ...(packaged ? { needs: 'devHubOrgId' as const } : {}) }));
      }
      const owner = packaged ? 'the Dev Hub org id' : 'the id of the org that owns the app';
      const message = value === ''
          ? `orgScopedExternalApp is empty; it must be <org id>:${f.fullName}, with ${owner} (00D + 12 or 15 letters and digits).`
          : placeholder
            ? `orgScopedExternalApp "${value}" holds a placeholder org id; deploy fails validation. Use ${owner} (00D + 12 or 15 letters and digits) followed by ":${f.fullName}".`
            : `orgScopedExternalApp "${value}" is not <org id>:<app name>; the org id must be 00D followed by 12 or 15 letters and digits.`;
      return [ctx.finding(valueSpan(el), message, fixes)];
    }
    if (name !== f.fullName) {
      const nameStart = el.contentStart + (ctx.doc.text.slice(el.contentStart, el.contentEnd).indexOf(':') + 1);
      const nameEnd = el.contentEnd - trailingWs(ctx.doc.text.slice(nameStart, el.contentEnd));
      fixes.push(ctx.fix(`Change the name part to "${f.fullName}"`, ctx.edit(f.path, nameStart, nameEnd, escapeXml(f.fullName)), { kind: 'safe', preferred: true }));
      const message = name
        ? `orgScopedExternalApp names app "${name}", but this header is "${f.fullName}"; the part after the colon must be the app's fullName.`
        : `orgScopedExternalApp has no app name after the colon; it must be "${org}:${f.fullName}".`;
      return [ctx.finding(contentSpan(el), message, fixes)];
    }
    return [];
  },
});

function trailingWs(s: string): number {
  return s.length - s.trimEnd().length;
}
