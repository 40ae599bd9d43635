/**
 * Rule: org-scoped-app-missing
 *
 * A `Packaged` header needs `<orgScopedExternalApp>` (`<Dev Hub org id>:<app fullName>`), which
 * ties it to the org that owns it. Fix: insert it with the Dev Hub org id found offline (the
 * `ecaLens.devHubOrgId` setting, or the sf CLI's target-dev-hub); without one, a template whose
 * org id is a placeholder for the user to fill in (never a value that would fail silently). Safe.
 */
import { escapeXml, insertChild } from '../edits/textEdits';
import { child, defineRule, tagNameSpan, type Fix } from './kit';

export const rule = defineRule({
  id: 'org-scoped-app-missing',
  severity: 'error',
  title: 'A Packaged header has no orgScopedExternalApp',
  appliesTo: ['ExternalClientApplication'],
  needsXml: true,
  check(ctx) {
    const { file: f, root, doc } = ctx;
    if (child(root, 'distributionState')?.text !== 'Packaged') return [];
    const existing = child(root, 'orgScopedExternalApp');
    if (existing) return [];
    const hub = ctx.project.devHub();
    const fixes: Fix[] = [];
    if (hub.orgId) {
      const e = insertChild(doc, root, 'orgScopedExternalApp', `${hub.orgId}:${f.fullName}`);
      fixes.push(ctx.fix(`Insert orgScopedExternalApp ${hub.orgId}:${f.fullName} (Dev Hub from ${hub.source})`, ctx.edit(f.path, e), { kind: 'safe', preferred: true }));
    } else {
      // Raw snippet text: the name is XML-escaped, then snippet-escaped (`$`, `}`, `\`).
      const name = escapeXml(f.fullName).replace(/[$}\\]/g, '\\$&');
      const e = insertChild(doc, root, 'orgScopedExternalApp', `\${1:00DXXXXXXXXXXXX}:${name}`, true);
      fixes.push(ctx.fix('Insert orgScopedExternalApp (enter the Dev Hub org id)', ctx.edit(f.path, e), { kind: 'safe', snippet: true, needs: 'devHubOrgId' }));
    }
    const message = `Packaged app "${f.fullName}" has no orgScopedExternalApp; it must name the owning Dev Hub org: <orgScopedExternalApp>00D…:${f.fullName}</orgScopedExternalApp>.` +
      (hub.orgId ? '' : ` The Dev Hub org id was not found offline (${hub.source}).`);
    return [ctx.finding(tagNameSpan(root), message, fixes)];
  },
});
