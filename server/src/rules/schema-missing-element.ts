/**
 * Rule: schema-missing-element
 *
 * A required element (`minOccurs="1"` in the Metadata API schema) is absent: a satellite's
 * `externalClientApplication`, plugin policies' `isEnabled`, a ConnectedApp's `contactEmail`,
 * `label` and `oauthConfig.callbackUrl`, ... Inherited fields (`fullName`) are never in
 * source-format files and never reported. Fix: insert the element in schema order with the file's
 * indentation — the app's name for `externalClientApplication` when it can be told (file name
 * `<App>_oauth`, `_glbloauth`, `_oauthPlcy`, `_plcy`, or the only app of the project): safe;
 * otherwise a snippet to fill in (a suggestion).
 */
import { escapeXml, insertChild } from '../edits/textEdits';
import { defineRule, ownFields, rootSchema, schemaOrder, schemaParents, tagNameSpan, type SchemaField, type TypeSchema } from './kit';
import type { EcaFileContext, XmlElement } from './kit';

const CONVENTIONAL = /^(.+)_(oauth|glbloauth|oauthPlcy|plcy)$/;

/** The app a satellite belongs to, from its file name or the only app of the project. */
export function appNameFor(ctx: EcaFileContext): string | undefined {
  const m = CONVENTIONAL.exec(ctx.file.fullName);
  if (m) return m[1];
  const names = new Set<string>();
  for (const a of ctx.project.apps()) if (a.headers.length) names.add(a.name);
  return names.size === 1 ? [...names][0] : undefined;
}

const snippetEscape = (s: string) => s.replace(/[$}\\|,]/g, '\\$&');

function placeholder(field: SchemaField): string {
  if (field.values?.length) return `\${1|${field.values.map(snippetEscape).join(',')}|}`;
  if (field.kind === 'boolean') return '${1|true,false|}';
  return '${1:value}';
}

export const rule = defineRule({
  id: 'schema-missing-element',
  severity: 'error',
  title: 'A required element is missing',
  appliesTo: ['any-type'],
  needsXml: true,
  check(ctx) {
    const { file: f, root, doc } = ctx;
    const schema = rootSchema(f.type?.name, root);
    if (!schema) return [];
    const out = [];
    for (const p of schemaParents(root, schema)) {
      for (const field of requiredOf(p.type)) {
        if (hasChild(p.el, field.name)) continue;
        const known = field.name === 'externalClientApplication' ? appNameFor(ctx) : undefined;
        const edit = insertChild(doc, p.el, field.name, known !== undefined ? escapeXml(known) : placeholder(field), true, schemaOrder(p.type));
        const fix = known !== undefined
          ? ctx.fix(`Add <${field.name}>${known}</${field.name}>`, ctx.edit(f.path, edit), { kind: 'safe', preferred: true })
          : ctx.fix(`Add <${field.name}>`, ctx.edit(f.path, edit), { kind: 'suggestion', snippet: true });
        const why = field.name === 'externalClientApplication' ? ' It links the file to its External Client App.' : '';
        out.push(ctx.finding(tagNameSpan(p.el), `<${p.el.name}> lacks the required element <${field.name}>; deploy fails without it.${why}`, fix));
      }
    }
    return out;
  },
});

/** A type's required single fields (a handful of its fields; worked out once per type). */
const required = new WeakMap<TypeSchema, readonly SchemaField[]>();
function requiredOf(t: TypeSchema): readonly SchemaField[] {
  let r = required.get(t);
  if (!r) required.set(t, (r = ownFields(t).filter((f) => f.required && !f.list)));
  return r;
}

function hasChild(el: XmlElement, name: string): boolean {
  for (const c of el.children) if (c.name === name) return true;
  return false;
}
