/**
 * Rule: schema-duplicate-element
 *
 * An element that is not a list given twice under the same parent: the platform keeps one, and
 * which one is not defined. The finding points at the second (related information at the first).
 * Fix (suggestion): remove the second.
 */
import { removeElement } from '../edits/textEdits';
import { defineRule, rootSchema, schemaParents, tagNameSpan } from './kit';

/** Siblings looked through one by one up to this many; a map beyond. */
const FEW = 32;

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
      const kids = p.el.children;
      // The first sibling of each name: looked up among the siblings before when they are few (no
      // map per element), in a map when there are many (a huge file stays linear).
      const first = kids.length > FEW ? new Map<string, (typeof kids)[number]>() : undefined;
      for (let i = 0; i < kids.length; i++) {
        const el = kids[i]!;
        let prev: (typeof kids)[number] | undefined;
        if (first) {
          prev = first.get(el.name);
          if (!prev) first.set(el.name, el);
        } else for (let k = 0; k < i && !prev; k++) if (kids[k]!.name === el.name) prev = kids[k];
        if (!prev) continue;
        const field = p.type.field(el.name);
        if (!field || field.list) continue;
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
