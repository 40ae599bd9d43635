/**
 * Rule: org-scoped-app-invalid
 *
 * `orgScopedExternalApp` must be `<00D + 12 or 15 alphanumerics>:<the app's fullName>`. A
 * placeholder (`00D-XXXXXXXXXXXXXX:App`) fails validation on deploy; a name part that is not the
 * file's fullName points at another app. Fixes: correct the name part; for a bad org id, the Dev
 * Hub org id (Packaged app, id found offline), else a snippet with the org id to fill in.
 */
import { child } from '../metadata/parse';
import { escapeXml, replaceContent } from '../edits/textEdits';
import type { EcaFileRule, Fix } from './types';
import { ORG_ID } from '../rulekit/util';

export const rule: EcaFileRule = {
  id: 'org-scoped-app-invalid',
  defaultSeverity: 'error',
  title: 'orgScopedExternalApp is not <org id>:<app name>',
  scope: 'eca-file',
  check(ctx) {
    const f = ctx.file;
    const root = f.xml?.root;
    if (f.type?.name !== 'ExternalClientApplication' || !root) return [];
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
        fixes.push({ title: `Set orgScopedExternalApp to ${hub.orgId}:${f.fullName} (Dev Hub from ${hub.source})`, preferred: true, edits: [ctx.edit(f.path, e.start, e.end, e.newText)] });
      } else {
        const snippetName = escapeXml(f.fullName).replace(/[$}\\]/g, '\\$&');
        const e = replaceContent(el, `\${1:00DXXXXXXXXXXXX}:${snippetName}`, true);
        fixes.push({
          title: packaged ? 'Set orgScopedExternalApp (enter the Dev Hub org id)' : 'Set orgScopedExternalApp (enter the id of the org that owns the app)',
          edits: [ctx.edit(f.path, e.start, e.end, e.newText)],
          snippet: true,
          ...(packaged ? { needs: 'devHubOrgId' as const } : {}),
        });
      }
      const owner = packaged ? 'the Dev Hub org id' : 'the id of the org that owns the app';
      const span = value === '' ? { start: el.start + 1, end: el.start + 1 + el.name.length } : { start: el.contentStart, end: el.contentEnd };
      return [{
        message: value === ''
          ? `orgScopedExternalApp is empty; it must be <org id>:${f.fullName}, with ${owner} (00D + 12 or 15 letters and digits).`
          : placeholder
            ? `orgScopedExternalApp "${value}" holds a placeholder org id; deploy fails validation. Use ${owner} (00D + 12 or 15 letters and digits) followed by ":${f.fullName}".`
            : `orgScopedExternalApp "${value}" is not <org id>:<app name>; the org id must be 00D followed by 12 or 15 letters and digits.`,
        ...span,
        fixes,
      }];
    }
    if (name !== f.fullName) {
      const nameStart = el.contentStart + (ctx.textOf(f.path)!.text.slice(el.contentStart, el.contentEnd).indexOf(':') + 1);
      fixes.push({ title: `Change the name part to "${f.fullName}"`, preferred: true, edits: [ctx.edit(f.path, nameStart, el.contentEnd - trailingWs(ctx.textOf(f.path)!.text.slice(nameStart, el.contentEnd)), escapeXml(f.fullName))] });
      return [{
        message: name
          ? `orgScopedExternalApp names app "${name}", but this header is "${f.fullName}"; the part after the colon must be the app's fullName.`
          : `orgScopedExternalApp has no app name after the colon; it must be "${org}:${f.fullName}".`,
        start: el.contentStart,
        end: el.contentEnd,
        fixes,
      }];
    }
    return [];
  },
};

function trailingWs(s: string): number {
  return s.length - s.trimEnd().length;
}
