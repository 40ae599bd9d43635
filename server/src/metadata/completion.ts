/**
 * Completion for ECA-family and ConnectedApp files, pure (no LSP): the element context at an
 * offset, found by a tolerant scan of the text (the document is mid-edit and may not parse), and
 * the items for it:
 * - between children of the root or of a complex element: the elements allowed there that are not
 *   present yet (lists always), required first, in schema order, as `<name>$1</name>`;
 * - in an enum or boolean element's text: its values; in `commaSeparatedOauthScopes` (or a
 *   ConnectedApp `<scopes>`): scope names not listed yet; in `<externalClientApplication>`: the apps;
 * - in an empty file: the skeleton of the type its suffix names.
 */
import { complexType, fieldOf, schemaFor, scopeNames, type SchemaField, type TypeSchema } from './schema';
import { fieldMarkdown } from './fieldDoc';

export const METADATA_NS = 'http://soap.sforce.com/2006/04/metadata';

export type CompletionKind = 'element' | 'value' | 'scope' | 'app' | 'skeleton';

export interface CompletionEntry {
  readonly label: string;
  readonly kind: CompletionKind;
  /** Text that replaces [replaceStart, replaceEnd); a snippet when `snippet`. */
  readonly insertText: string;
  readonly snippet: boolean;
  readonly replaceStart: number;
  readonly replaceEnd: number;
  readonly sortText: string;
  readonly detail?: string;
  /** Markdown. */
  readonly documentation?: string;
  readonly preselect?: boolean;
}

export interface CompletionInput {
  readonly text: string;
  readonly offset: number;
  /** The type the file's suffix names. */
  readonly typeName: string;
  /** The file's fullName (name before the suffix). */
  readonly fullName: string;
  /** App names of the project. */
  readonly appNames: readonly string[];
  /** Snippets may be used (else plain text without tab stops). */
  readonly snippets?: boolean;
}

interface Open {
  readonly name: string;
  /** Offset after the open tag's `>`. */
  readonly contentStart: number;
  readonly children: string[];
}

export interface CursorContext {
  /** Open elements from the root to the innermost, at the cursor. */
  readonly stack: readonly Open[];
  /** The cursor is right after `<` + a partial name: offset of the name's start. */
  readonly tagStart?: number;
  /** Offset where the text run around the cursor starts (after the last tag before it). */
  readonly textStart: number;
  readonly inComment: boolean;
}

const TOKEN = /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<\?[\s\S]*?(?:\?>|$)|<\/([A-Za-z_][\w.:-]*)\s*>|<([A-Za-z_][\w.:-]*)((?:\s+[^<>]*?)?)(\/?)>/g;

/** The tolerant scan: tags in order, a stack of open elements; children are collected to the end. */
export function contextAt(text: string, offset: number): CursorContext {
  const stack: Open[] = [];
  let snapshot: Open[] | undefined;
  let lastEnd = 0;
  let inComment = false;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!snapshot && start >= offset) {
      snapshot = [...stack];
      break;
    }
    if (!snapshot && end > offset) {
      // Inside a tag or comment: completion only inside comments is refused; in a tag, nothing.
      inComment = m[0].startsWith('<!--');
      snapshot = [...stack];
      return { stack: snapshot, textStart: offset, inComment: inComment || !m[0].startsWith('<!') };
    }
    lastEnd = end;
    if (m[1]) {
      // Close: pop to the matching name (tolerant of missing closes).
      const i = findLast(stack, m[1]);
      if (i >= 0) stack.length = i;
    } else if (m[2]) {
      stack[stack.length - 1]?.children.push(m[2]);
      if (!m[4]) stack.push({ name: m[2], contentStart: end, children: [] });
    }
  }
  const at = snapshot ?? [...stack];
  // Children after the cursor belong to the same open elements: scan on for them.
  if (snapshot) collectRest(text, TOKEN.lastIndex - (TOKEN.lastIndex > 0 ? 0 : 0), snapshot, offset);
  const run = text.slice(lastEnd, offset);
  const tag = /<([A-Za-z_][\w.:-]*)?$/.exec(run);
  return { stack: at, textStart: lastEnd, inComment, ...(tag ? { tagStart: offset - (tag[1]?.length ?? 0) } : {}) };
}

function findLast(stack: readonly Open[], name: string): number {
  for (let i = stack.length - 1; i >= 0; i--) if (stack[i]!.name === name) return i;
  return -1;
}

/** Continue from `offset` to the end, adding the children of the elements open at the cursor. */
function collectRest(text: string, _from: number, open: readonly Open[], offset: number): void {
  const stack: (Open | undefined)[] = [...open];
  const re = new RegExp(TOKEN.source, 'g');
  re.lastIndex = offset;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[1]) {
      let i = stack.length - 1;
      while (i >= 0 && stack[i]?.name !== m[1]) i--;
      if (i >= 0) stack.length = i;
      if (stack.length === 0) break;
    } else if (m[2]) {
      stack[stack.length - 1]?.children.push(m[2]);
      if (!m[4]) stack.push({ name: m[2], contentStart: 0, children: [] });
    }
  }
}

/** The type whose children are allowed under the element path (root first). */
function typeAt(typeName: string, names: readonly string[]): TypeSchema | undefined {
  let t = schemaFor(typeName);
  for (const n of names.slice(1)) {
    const f = t?.field(n);
    t = f?.kind === 'complex' && f.type ? complexType(f.type) : undefined;
  }
  return t;
}

const esc = (s: string) => s.replace(/[$}\\]/g, '\\$&');
const pad = (n: number) => String(n).padStart(3, '0');

/** The completion entries at the cursor. */
export function completeAt(input: CompletionInput): CompletionEntry[] {
  const { text, offset, typeName } = input;
  const snippets = input.snippets !== false;
  if (text.trim() === '') return skeleton(input, snippets);
  const ctx = contextAt(text, offset);
  if (ctx.inComment || ctx.stack.length === 0) return [];
  if (ctx.stack[0]!.name !== typeName) return [];
  const names = ctx.stack.map((o) => o.name);
  const top = ctx.stack[ctx.stack.length - 1]!;
  const parentType = typeAt(typeName, names);
  if (parentType && (ctx.tagStart !== undefined || /^\s*[\w]*$/.test(text.slice(ctx.textStart, offset)))) {
    return elements(parentType, top, ctx, input, snippets);
  }
  if (ctx.tagStart !== undefined) return [];
  const field = fieldOf(typeName, names.slice(1));
  if (!field) return [];
  // The word around the cursor is what an item replaces.
  const wordChars = /[^\s<>,]/;
  let ws = offset;
  while (ws > ctx.textStart && wordChars.test(text[ws - 1]!)) ws--;
  let we = offset;
  while (we < text.length && wordChars.test(text[we]!)) we++;
  const content = text.slice(top.contentStart, nextTag(text, offset));
  if ((field.name === 'commaSeparatedOauthScopes' && typeName === 'ExtlClntAppOauthSettings') || (field.name === 'scopes' && typeName === 'ConnectedApp')) {
    const listed = new Set(content.split(/[\s,]+/).filter(Boolean));
    const current = text.slice(ws, we);
    const all = scopeNames(typeName === 'ConnectedApp' ? 'connectedApp' : 'eca');
    return all
      .filter((s) => !listed.has(s) || s === current)
      .map((s, i) => ({ label: s, kind: 'scope' as const, insertText: s, snippet: false, replaceStart: ws, replaceEnd: we, sortText: pad(i), detail: 'OAuth scope' }));
  }
  if (field.name === 'externalClientApplication') {
    return [...new Set(input.appNames)].sort().map((a, i) => ({ label: a, kind: 'app' as const, insertText: a, snippet: false, replaceStart: ws, replaceEnd: we, sortText: pad(i), detail: 'External Client App in this project' }));
  }
  const values = field.values ?? (field.kind === 'boolean' ? ['true', 'false'] : undefined);
  if (!values) return [];
  // An enum's value replaces the whole content.
  const trimmedStart = top.contentStart + (content.length - content.trimStart().length);
  const trimmedEnd = top.contentStart + content.trimEnd().length;
  const rs = Math.min(trimmedStart, offset);
  const re = Math.max(trimmedEnd, offset);
  return values.map((v, i) => ({
    label: v,
    kind: 'value' as const,
    insertText: v,
    snippet: false,
    replaceStart: rs,
    replaceEnd: re,
    sortText: pad(i),
    detail: v === field.default ? `${field.name} (default)` : field.name,
    ...(v === field.default ? { preselect: true } : {}),
  }));
}

function nextTag(text: string, offset: number): number {
  const i = text.indexOf('<', offset);
  return i < 0 ? text.length : i;
}

function elements(t: TypeSchema, top: Open, ctx: CursorContext, input: CompletionInput, snippets: boolean): CompletionEntry[] {
  const { text, offset } = input;
  const present = new Set(top.children);
  const afterLt = ctx.tagStart !== undefined;
  const start = afterLt ? ctx.tagStart! : wordStart(text, offset, ctx.textStart);
  let end = offset;
  while (end < text.length && /[\w.:-]/.test(text[end]!)) end++;
  const out: CompletionEntry[] = [];
  t.fields.forEach((f, i) => {
    if (f.inherited || (present.has(f.name) && !f.list)) return;
    const body = f.kind === 'complex' ? (snippets ? '\n\t$1\n' : '') : snippets ? '$1' : '';
    const el = `${f.name}>${body}</${f.name}>`;
    out.push({
      label: f.name,
      kind: 'element',
      insertText: afterLt ? el : `<${el}`,
      snippet: snippets,
      replaceStart: start,
      replaceEnd: end,
      sortText: `${f.required ? 0 : 1}${pad(i)}`,
      detail: `${f.required ? 'required · ' : ''}${f.kind === 'complex' ? f.type ?? 'complex' : f.kind}${f.list ? '[]' : ''}`,
      documentation: fieldMarkdown(f),
    });
  });
  return out;
}

function wordStart(text: string, offset: number, min: number): number {
  let s = offset;
  while (s > min && /[\w]/.test(text[s - 1]!)) s--;
  return s;
}

/** Elements a fresh file gets: the required ones, and for a header the ones required in practice. */
const PRACTICAL: Readonly<Record<string, readonly string[]>> = {
  ExternalClientApplication: ['contactEmail', 'distributionState', 'label'],
  ConnectedApp: ['contactEmail', 'label'],
};

const SATELLITE_SUFFIX = /_(oauth|glbloauth|oauthPlcy|plcy)$/;

function skeleton(input: CompletionInput, snippets: boolean): CompletionEntry[] {
  const t = schemaFor(input.typeName);
  if (!t) return [];
  const practical = PRACTICAL[input.typeName] ?? [];
  const fields = t.fields.filter((f) => !f.inherited && ((f.required && !f.list) || practical.includes(f.name)));
  const app = SATELLITE_SUFFIX.test(input.fullName) ? input.fullName.replace(SATELLITE_SUFFIX, '') : input.appNames.length === 1 ? input.appNames[0]! : input.fullName;
  let n = 0;
  const value = (f: SchemaField): string => {
    if (f.name === 'externalClientApplication') return snippets ? `\${${++n}:${esc(app)}}` : app;
    if (f.name === 'label') return snippets ? `\${${++n}:${esc(input.fullName)}}` : input.fullName;
    if (f.name === 'distributionState') return snippets ? `\${${++n}|Local,Packaged|}` : 'Local';
    const values = f.values ?? (f.kind === 'boolean' ? ['true', 'false'] : undefined);
    if (values?.length && snippets) return `\${${++n}|${values.map((v) => v.replace(/[,|\\$}]/g, '\\$&')).join(',')}|}`;
    return snippets ? `\${${++n}}` : '';
  };
  const lines = fields.map((f) => `    <${f.name}>${value(f)}</${f.name}>`);
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<${t.name} xmlns="${METADATA_NS}">\n${lines.join('\n')}${lines.length ? '\n' : ''}</${t.name}>\n`;
  return [{
    label: `${t.name} skeleton`,
    kind: 'skeleton',
    insertText: body,
    snippet: snippets,
    replaceStart: 0,
    replaceEnd: input.text.length,
    sortText: '0',
    detail: `New ${t.name} file`,
    documentation: `${t.description ?? t.name}\n\nRequired elements: ${fields.map((f) => `\`${f.name}\``).join(', ') || 'none'}.`,
  }];
}
