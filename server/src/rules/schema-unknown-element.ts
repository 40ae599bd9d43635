/**
 * Rule: schema-unknown-element
 *
 * An element the type (or its complex parent element) does not have in any version of the
 * Metadata API schema (schema.generated.ts) nor in the overlay of undocumented fields seen in real
 * files. Deploy rejects it, or drops it. "Did you mean" for near misses (same letters in another
 * case, edit distance ≤ 2, plural/singular). Fix: rename the element (open and closing tag) —
 * safe when only the letter case differs (the element then means what was written), else a
 * suggestion.
 */
import { defineRule, nearMisses, ownFields, renameElement, rootSchema, schemaNodes, tagNameSpan, type Fix } from './kit';

export const rule = defineRule({
  id: 'schema-unknown-element',
  severity: 'warning',
  title: 'An element the Metadata API schema does not have here',
  appliesTo: ['any-type'],
  needsXml: true,
  check(ctx) {
    const { file: f, root, doc } = ctx;
    const schema = rootSchema(f.type?.name, root);
    if (!schema) return [];
    const out = [];
    for (const n of schemaNodes(root, schema)) {
      if (n.field) continue;
      const where = n.depth > 1 ? `<${n.parent.name}> (${n.owner.name})` : n.owner.name;
      const present = new Set(n.parent.children.map((c) => c.name));
      const misses = nearMisses(n.el.name, ownFields(n.owner).map((x) => x.name));
      const fixes: Fix[] = misses.map((m) =>
        ctx.fix(`Rename <${n.el.name}> to <${m.name}>`, renameElement(doc.text, n.el, m.name).map((e) => ctx.edit(f.path, e)), {
          kind: m.caseOnly ? 'safe' : 'suggestion',
          ...(misses.length === 1 ? { preferred: true } : {}),
        }),
      );
      const dym = misses.length ? ` Did you mean ${misses.map((m) => `<${m.name}>`).join(' or ')}?` : '';
      const dup = misses.some((m) => present.has(m.name)) ? ' (that element is also present)' : '';
      out.push(ctx.finding(tagNameSpan(n.el), `<${n.el.name}> is not an element of ${where} in the Metadata API schema (any version ECA Lens knows); deploy may reject the file or ignore the element.${dym}${dup}`, fixes));
    }
    return out;
  },
});
