/**
 * Rule: org-scoped-app-missing
 *
 * A `Packaged` header needs `<orgScopedExternalApp>` (`<Dev Hub org id>:<app fullName>`), which
 * ties it to the org that owns it. Fix: insert it with the Dev Hub org id found offline (the
 * `ecaLens.devHubOrgId` setting, or the sf CLI's target-dev-hub); without one, a template whose
 * org id is a placeholder for the user to fill in (never a value that would fail silently).
 */
import { child } from '../metadata/parse';
import { escapeXml, insertChild } from '../edits/textEdits';
import type { EcaFileRule, Fix } from './types';
import { rootNameSpan } from '../rulekit/util';

export const rule: EcaFileRule = {
  id: 'org-scoped-app-missing',
  defaultSeverity: 'error',
  title: 'A Packaged header has no orgScopedExternalApp',
  scope: 'eca-file',
  check(ctx) {
    const f = ctx.file;
    const root = f.xml?.root;
    if (f.type?.name !== 'ExternalClientApplication' || !root) return [];
    if (child(root, 'distributionState')?.text !== 'Packaged') return [];
    const existing = child(root, 'orgScopedExternalApp');
    if (existing) return [];
    const doc = f.doc!;
    const hub = ctx.project.devHub();
    const fixes: Fix[] = [];
    if (hub.orgId) {
      const e = insertChild(doc, root, 'orgScopedExternalApp', `${hub.orgId}:${f.fullName}`);
      fixes.push({ title: `Insert orgScopedExternalApp ${hub.orgId}:${f.fullName} (Dev Hub from ${hub.source})`, preferred: true, edits: [ctx.edit(f.path, e.start, e.end, e.newText)] });
    } else {
      // Raw snippet text: the name is XML-escaped, then snippet-escaped (`$`, `}`, `\`).
      const name = escapeXml(f.fullName).replace(/[$}\\]/g, '\\$&');
      const e = insertChild(doc, root, 'orgScopedExternalApp', `\${1:00DXXXXXXXXXXXX}:${name}`, true);
      fixes.push({ title: 'Insert orgScopedExternalApp (enter the Dev Hub org id)', edits: [ctx.edit(f.path, e.start, e.end, e.newText)], snippet: true, needs: 'devHubOrgId' });
    }
    return [{
      message: `Packaged app "${f.fullName}" has no orgScopedExternalApp; it must name the owning Dev Hub org: <orgScopedExternalApp>00D…:${f.fullName}</orgScopedExternalApp>.` +
        (hub.orgId ? '' : ` The Dev Hub org id was not found offline (${hub.source}).`),
      ...rootNameSpan(f),
      fixes,
    }];
  },
};
