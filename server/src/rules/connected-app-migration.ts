/**
 * Rule: connected-app-migration
 *
 * On the root element's tag name of every Connected App: whether it can be converted to an External
 * Client App from source and which ECA files that writes, or the blockers (Canvas, Apex plugin,
 * mobile/push settings, SAML Triple-DES, user provisioning; each a related location). Adds a note
 * when nothing in the file reveals a server-to-server mechanism (the username-password flow, which
 * ECAs do not support), and why it matters now: new Connected Apps can no longer be created, and the
 * username-password and user-agent flows retire for Connected Apps on 2027-02-20 (reference §8).
 * The readiness verdict and the mapping are the converter's (server/src/migrate), so the rule, the
 * `eca-lens migrate` command and the VS Code command always agree.
 *
 * Fix (suggestion: it adds files that change what ships) "Create External Client App from this
 * Connected App": creates every file the converter would write that does not exist yet (never over
 * one), plus the `.gitignore` line for the global OAuth settings and, in a 2GP package directory,
 * the `.forceignore` lines. No fix when the app has blockers or every file exists.
 */
import * as path from 'node:path';
import { connectedAppFullName, planForFile, type EcaFileKind, type IgnoreEdit } from '../migrate';
import { defineRule, tagNameSpan, type FileOp, type Related, type TextEdit, type XmlFileContext } from './kit';

export const FIX_TITLE = 'Create External Client App from this Connected App';

/** How the messages name the ECA files. */
export const KIND_LABEL: Readonly<Record<EcaFileKind, string>> = {
  header: 'header',
  oauthSettings: 'OAuth settings',
  globalOauth: 'global OAuth settings',
  oauthPolicies: 'OAuth policies',
  policies: 'app policies',
};

export const WHY_NOW =
  'New Connected Apps can no longer be created, and the username-password and user-agent flows retire for Connected Apps on 2027-02-20.';

const USERNAME_PASSWORD =
  'Nothing in this file reveals a server-to-server mechanism (no certificate, no client credentials, no callback URL): the app may use the username-password flow, which External Client Apps do not support; confirm its flow before migrating.';

const MAX_NAMES = 5;

export const rule = defineRule({
  id: 'connected-app-migration',
  severity: 'information',
  title: 'A Connected App: whether it can be converted to an External Client App',
  appliesTo: ['ConnectedApp'],
  needsXml: true,
  check(ctx) {
    if (ctx.root.name !== 'ConnectedApp') return [];
    const fullName = connectedAppFullName(path.basename(ctx.file.path)) ?? path.basename(ctx.file.path).replace(/\..*$/, '');
    const plan = planForFile({ config: ctx.project.config, file: (p) => ctx.project.file(p), textOf: (p) => ctx.textOf(p) }, ctx.file.path, ctx.doc);
    const app = plan.apps[0];
    if (!app || app.conversion.problem) return [];
    const c = app.conversion;
    const at = tagNameSpan(ctx.root);
    const upNote = c.notes.some((n) => n.code === 'username-password') ? ` ${USERNAME_PASSWORD}` : '';

    if (!c.convertible) {
      const labels = [...new Set(c.blockers.map((b) => `${b.label} (${b.element})`))];
      const related: Related[] = c.blockers.map((b) => ({ path: ctx.file.path, range: ctx.range(ctx.file.path, b.start, b.end), message: b.why }));
      const message = `Connected App ${fullName} can't be converted to an External Client App yet: ${labels.join(', ')} block${c.blockers.length === 1 ? 's' : ''} the migration (Salesforce's own migration refuses ${c.blockers.length === 1 ? 'it' : 'them'} too).${upNote} ${WHY_NOW}`;
      return [ctx.finding(at, message, { related })];
    }

    const targets = c.files.map((f) => KIND_LABEL[f.kind]).join(', ');
    const dropped = [...new Set(c.unmapped.map((u) => u.from.split('/').pop()!))];
    const notCarried = dropped.length
      ? `; not carried over: ${dropped.slice(0, MAX_NAMES).join(', ')}${dropped.length > MAX_NAMES ? ` and ${dropped.length - MAX_NAMES} more` : ''}`
      : '';
    const n = app.skipped.length;
    const existing =
      n === 0 ? '' : app.writes.length === 0 ? ` All ${n} files exist already (migrated before?): nothing to create.` : ` ${n} of the ${n + app.writes.length} files exist already and are left as they are.`;
    const message = `Connected App ${fullName} can be converted to an External Client App → ${targets} (${c.mapped.length} field${c.mapped.length === 1 ? '' : 's'} mapped${notCarried}; eca-lens migrate --dry-run shows where each goes).${existing}${upNote} ${WHY_NOW}`;
    const fix = migrationFix(ctx, app.writes, plan.ignoreEdits);
    return [ctx.finding(at, message, fix ? { fixes: [fix] } : undefined)];
  },
});

function migrationFix(ctx: XmlFileContext, writes: readonly { path: string; text: string }[], ignoreEdits: readonly IgnoreEdit[]) {
  if (writes.length === 0) return undefined;
  const fileOps: FileOp[] = writes.map((w) => ({ kind: 'create', path: w.path, text: w.text }));
  const edits: TextEdit[] = [];
  for (const e of ignoreEdits) {
    const current = e.created ? undefined : ctx.textOf(e.path);
    if (!current) {
      fileOps.push({ kind: 'create', path: e.path, text: e.text });
      continue;
    }
    // The plan appends lines: the new text is the old one plus an end piece.
    const old = current.text;
    if (e.text.startsWith(old)) edits.push(ctx.edit(e.path, old.length, old.length, e.text.slice(old.length)));
    else edits.push(ctx.edit(e.path, 0, old.length, e.text));
  }
  return ctx.fix(FIX_TITLE, edits, { kind: 'suggestion', fileOps });
}
