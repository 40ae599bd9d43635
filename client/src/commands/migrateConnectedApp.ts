/**
 * "ECA Lens: Create External Client App from this Connected App" (`ecaLens.migrateConnectedApp`).
 * The flow, with no vscode in it (the wiring is in register/migrationCommands.ts):
 *
 * 1. ask the server for the plan (`ecaLens/migrationPreview`: the converter behind the
 *    connected-app-migration rule and `eca-lens migrate`);
 * 2. show the preview: one read-only Markdown document with the report (what maps where, what is not
 *    carried over and why, the ignore-file lines, the files that exist and are left alone) and the
 *    full text of every file — the user reads exactly what will be written, and nothing leaves a
 *    dirty untitled buffer behind;
 * 3. a non-modal confirmation "Write N files" (non-modal so the preview can be scrolled while
 *    deciding); nothing is written unless it is chosen;
 * 4. one workspace edit: every new file created with its text, never over an existing one (checked
 *    again at write time), the ignore-file lines appended; then the header is opened.
 */
import type { MigrationPreviewIgnoreEdit, MigrationPreviewResult } from '../../../server/src/shared/protocol';
import type { Ui } from './ports';

export interface MigrationWrite {
  /** Files to create (none exists at write time). */
  creates: { uri: string; text: string }[];
  /** Text to insert at the end of existing files. */
  appends: { uri: string; text: string }[];
}

export interface MigrateDeps {
  ui: Ui;
  preview(uri: string): Promise<MigrationPreviewResult | undefined>;
  /** Show the preview document (read-only). */
  showPreview(markdown: string, name: string): Promise<void>;
  exists(uri: string): Promise<boolean>;
  /** Current text of a file (an open document's), undefined when it can't be read. */
  read(uri: string): Promise<string | undefined>;
  /** Apply as one edit; false when the editor refused it. */
  apply(write: MigrationWrite): Promise<boolean>;
  open(uri: string): Promise<void>;
}

export type MigrateOutcome = 'written' | 'cancelled' | 'blocked' | 'nothing-to-write' | 'failed';

const LABEL: Record<string, string> = {
  header: 'header',
  oauthSettings: 'OAuth settings',
  globalOauth: 'global OAuth settings',
  oauthPolicies: 'OAuth policies',
  policies: 'app policies',
};

const RETIREMENT = 'New Connected Apps can no longer be created, and the username-password and user-agent flows retire for Connected Apps on 2027-02-20.';

/** The preview document: the report, then every file's text. */
export function previewMarkdown(r: MigrationPreviewResult): string {
  const out: string[] = [];
  const toWrite = r.files.filter((f) => !f.exists);
  out.push(`# ${r.name}: Connected App → External Client App`, '');
  if (!r.convertible) {
    out.push(`**Can't be converted yet.** Salesforce's own migration refuses these too:`, '');
    for (const b of r.blockers) out.push(`- **${b.label}** (\`${b.element}\`): ${b.why}`);
    out.push('');
  } else if (toWrite.length === 0) {
    out.push('**Nothing to write**: every file exists already and is left as it is.', '');
  } else {
    out.push(`**${toWrite.length} file${toWrite.length === 1 ? '' : 's'} will be written** (nothing is written until you confirm; no existing file is overwritten):`, '');
    for (const f of r.files) out.push(`- ${LABEL[f.kind] ?? f.kind}: \`${f.path}\`${f.exists ? ' — exists, left as it is' : ''}`);
    for (const e of r.ignoreEdits) out.push(`- \`${e.path}\`: ${e.created ? 'created with' : 'adds'} ${e.added.map((l) => `\`${l}\``).join(', ')}`);
    out.push('');
  }
  if (r.notes.length) {
    out.push('## Check', '');
    for (const n of r.notes) out.push(`- ${n}`);
    out.push('');
  }
  out.push('## What maps where', '', '| Connected App | External Client App file | Field |', '|---|---|---|');
  for (const m of r.mapped) out.push(`| \`${m.from}\` | \`${m.file}\` | \`${m.to}\`${m.inferred ? ' (inferred)' : ''} |`);
  out.push('');
  if (r.unmapped.length) {
    out.push('## Not carried over', '');
    for (const u of r.unmapped) out.push(`- \`${u.from}\`: ${u.why}`);
    out.push('');
  }
  for (const f of r.files) {
    out.push(`## ${f.path}${f.exists ? ' (exists: not written)' : ''}`, '', '```xml', f.text.replace(/\n$/, ''), '```', '');
  }
  out.push(`_${RETIREMENT}_`, '');
  return out.join('\n');
}

/** What to insert at the end of an existing ignore file: the planned rest, or the added lines when it changed since. */
export function ignoreAppend(current: string, e: MigrationPreviewIgnoreEdit): string {
  if (e.text.startsWith(current)) return e.text.slice(current.length);
  const present = new Set(current.split(/\r?\n/).map((l) => l.trim()));
  const lines = e.added.filter((l) => !present.has(l));
  if (!lines.length) return '';
  const eol = current.includes('\r\n') ? '\r\n' : '\n';
  const lead = current.length && !current.endsWith('\n') ? eol : '';
  return lead + lines.map((l) => l + eol).join('');
}

/** The edit for a preview, checked against the files as they are now (never over an existing file). */
export async function planWrite(r: MigrationPreviewResult, deps: Pick<MigrateDeps, 'exists' | 'read'>): Promise<MigrationWrite> {
  const w: MigrationWrite = { creates: [], appends: [] };
  for (const f of r.files) if (!f.exists && !(await deps.exists(f.uri))) w.creates.push({ uri: f.uri, text: f.text });
  if (!w.creates.length) return w;
  for (const e of r.ignoreEdits) {
    const current = (await deps.exists(e.uri)) ? await deps.read(e.uri) : undefined;
    if (current === undefined) {
      if (e.created) w.creates.push({ uri: e.uri, text: e.text });
      continue;
    }
    const text = ignoreAppend(current, e);
    if (text) w.appends.push({ uri: e.uri, text });
  }
  return w;
}

const count = (n: number) => `${n} file${n === 1 ? '' : 's'}`;

export async function migrateConnectedApp(deps: MigrateDeps, uri: string | undefined): Promise<MigrateOutcome> {
  const { ui } = deps;
  if (!uri || !/\.connectedApp-meta\.xml$/i.test(uri)) {
    await ui.error('Open a Connected App (*.connectedApp-meta.xml) first.');
    return 'failed';
  }
  const r = await deps.preview(uri);
  if (!r) {
    await ui.error('The ECA Lens server is not running.');
    return 'failed';
  }
  if (r.problem) {
    await ui.error(`Can't convert this file: ${r.problem}.`);
    return 'failed';
  }
  await deps.showPreview(previewMarkdown(r), r.name);
  if (!r.convertible) {
    await ui.warn(`${r.name} can't be converted to an External Client App yet: ${r.blockers.map((b) => b.label).join(', ')}. See the preview.`);
    return 'blocked';
  }
  const n = r.files.filter((f) => !f.exists).length;
  if (n === 0) {
    await ui.info(`Every External Client App file of ${r.name} exists already: nothing to write.`);
    return 'nothing-to-write';
  }
  const action = `Write ${count(n)}`;
  const answer = await ui.info(`Create External Client App ${r.name}: ${count(n)} (see the preview)?`, action);
  if (answer !== action) return 'cancelled';
  const w = await planWrite(r, deps);
  if (!w.creates.length) {
    await ui.info(`The files of ${r.name} appeared meanwhile: nothing written.`);
    return 'nothing-to-write';
  }
  if (!(await deps.apply(w))) {
    await ui.error(`Writing the External Client App files of ${r.name} failed.`);
    return 'failed';
  }
  const header = r.files.find((f) => f.kind === 'header' && w.creates.some((c) => c.uri === f.uri)) ?? r.files.find((f) => w.creates.some((c) => c.uri === f.uri));
  if (header) await deps.open(header.uri);
  const skipped = r.files.length - w.creates.filter((c) => r.files.some((f) => f.uri === c.uri)).length;
  void ui.info(`Created External Client App ${r.name} (${count(w.creates.filter((c) => r.files.some((f) => f.uri === c.uri)).length)}${skipped ? `; ${skipped} existed and were left alone` : ''}). Deploy it, then retire the Connected App.`);
  return 'written';
}
