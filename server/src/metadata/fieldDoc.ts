/** Markdown about one schema field, shared by hover and completion. */
import { SCHEMA_VERSIONS, type SchemaField } from './schema';

function code(s: string): string {
  return s.includes('`') ? `\`\`${s}\`\`` : `\`${s}\``;
}

/** "since @salesforce/types 1.6.0" (the oldest version read means "that one or earlier"). */
export function sinceText(since: string | undefined, until?: string): string {
  if (!since) return 'not in any version of the Metadata API types (seen in real files)';
  const first = since === SCHEMA_VERSIONS[0] ? `in every version read (@salesforce/types ${since} and later)` : `since @salesforce/types ${since}`;
  return until ? `${first}, until ${until}` : first;
}

export function kindText(f: SchemaField): string {
  const k = f.kind === 'complex' ? `complex (${f.type ?? '?'})` : f.kind === 'enum' ? `enum${f.type ? ` (${f.type})` : ''}` : f.kind === 'number' ? 'number' : f.kind;
  return f.list ? `list of ${k}, repeat the element once per item` : k;
}

/** Description, kind, values (default and current value marked), required, since, note. */
export function fieldMarkdown(f: SchemaField, current?: string): string {
  const parts: string[] = [];
  if (f.description) parts.push(f.description);
  const facts = [`Kind: ${kindText(f)}`, f.required ? '**required**' : 'optional', sinceText(f.since, f.until)];
  if (f.undocumented) facts.push('undocumented');
  parts.push(facts.join(' · '));
  const values = f.values ?? (f.kind === 'boolean' ? ['true', 'false'] : undefined);
  if (values?.length) {
    const shown = values.map((v) => `${v === current ? `**${code(v)}**` : code(v)}${v === f.default ? ' (default)' : ''}`);
    parts.push(`Values: ${shown.join(' · ')}`);
  } else if (f.default !== undefined) parts.push(`Default: ${code(f.default)}`);
  if (f.pattern) parts.push(`Form: ${code(f.pattern)}`);
  if (f.note) parts.push(`_${f.note}_`);
  return parts.join('\n\n');
}
