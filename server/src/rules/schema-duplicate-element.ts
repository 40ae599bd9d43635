/**
 * Rule: schema-duplicate-element
 *
 * An element that is not a list given twice under the same parent: the platform keeps one, and
 * which one is not defined. The finding points at the second (related information at the first).
 * Fix (suggestion): remove the second.
 */
import { removeElement } from '../edits/textEdits';
import { defineRule, rootSchema, schemaParents, tagNameSpan } from './kit';

export const rule = defineRule({
  id: 'schema-duplicate-element',
  severity: 'error',
  title: 'An element that may appear once is given twice',
  appliesTo: ['any-type'],
  needsXml: true,
  check(ctx) {
    const { file: f, root, doc } = ctx;
    const schema = rootSchema(f.type?.name, root);
    if (!schema) return [];
    const out = [];
    for (const p of schemaParents(root, schema)) {
      const first = new Map<string, (typeof p.el.children)[number]>();
      for (const el of p.el.children) {
        const field = p.type.field(el.name);
        if (!field || field.list) continue;
        const prev = first.get(el.name);
        if (!prev) {
          first.set(el.name, el);
          continue;
        }
        const same = prev.text === el.text && !el.children.length;
        const message = `<${el.name}> is given more than once in <${p.el.name}>; it may appear once, and which one the platform keeps is not defined${same ? '' : ` (the first says "${prev.text || '…'}", this one "${el.text || '…'}")`}.`;
        const s = tagNameSpan(prev);
        out.push(ctx.finding(tagNameSpan(el), message, {
          fixes: [ctx.fix(`Remove this <${el.name}>`, ctx.edit(f.path, removeElement(doc.text, el)), { kind: 'suggestion', preferred: same })],
          related: [{ path: f.path, range: ctx.range(f.path, s.start, s.end), message: `first <${el.name}>` }],
        }));
      }
    }
    return out;
  },
});
