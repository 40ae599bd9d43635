/**
 * Rule: schema-invalid-value
 *
 * A value its element's kind does not allow: an enum value (or a documented value of an untyped
 * string, schemaOverlay.ts) not in the list, a boolean other than `true` / `false`, an int or
 * double that is not one, a ConnectedApp `refreshTokenPolicy` not matching its pattern. Empty
 * values are left alone. Fix: the value differing only in case (safe), else the value it is a
 * prefix of, or the nearest by edit distance (suggestions).
 */
import { escapeXml } from '../edits/textEdits';
import { defineRule, editDistance, rootSchema, schemaNodes, trimmedValueSpan, type Fix, type SchemaField } from './kit';

const INT = /^[+-]?\d+$/;
const DOUBLE = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

interface Candidate {
  value: string;
  caseOnly: boolean;
}

function candidates(value: string, allowed: readonly string[]): Candidate[] {
  const lower = value.toLowerCase();
  const ci = allowed.filter((v) => v.toLowerCase() === lower);
  if (ci.length) return ci.map((v) => ({ value: v, caseOnly: true }));
  const prefix = allowed.filter((v) => v.toLowerCase().startsWith(lower));
  if (prefix.length) return prefix.map((v) => ({ value: v, caseOnly: false }));
  let best = Infinity;
  let out: string[] = [];
  for (const v of allowed) {
    const d = editDistance(lower, v.toLowerCase());
    if (d > 3 || d >= Math.max(v.length, value.length) / 2) continue;
    if (d < best) [best, out] = [d, [v]];
    else if (d === best) out.push(v);
  }
  return out.map((v) => ({ value: v, caseOnly: false }));
}

/** A pattern field's expression, compiled once per pattern (not once per value checked). */
const compiled = new Map<string, RegExp>();
function patternOf(source: string): RegExp {
  let re = compiled.get(source);
  if (!re) compiled.set(source, (re = new RegExp(source)));
  return re;
}

function problem(field: SchemaField, value: string): { message: string; allowed?: readonly string[] } | undefined {
  // The messages are made only for a value that is wrong (this runs for every element).
  const name = () => `<${field.name}>`;
  if (field.kind === 'pattern' && field.pattern) {
    if (patternOf(field.pattern).test(value)) return undefined;
    return { message: `${name()} "${value}" is not a valid value: ${field.values?.length ? `${field.values.join(', ')} or ` : ''}the documented form /${field.pattern}/.`, allowed: field.values };
  }
  if (field.values?.length && (field.kind === 'enum' || field.kind === 'string')) {
    if (field.values.includes(value)) return undefined;
    return { message: `${name()} "${value}" is not one of its values: ${field.values.join(', ')}.`, allowed: field.values };
  }
  if (field.kind === 'boolean') {
    if (value === 'true' || value === 'false') return undefined;
    return { message: `${name()} "${value}" is not a boolean; write true or false.`, allowed: ['true', 'false'] };
  }
  if (field.kind === 'int' && !INT.test(value)) return { message: `${name()} "${value}" is not a whole number.` };
  if ((field.kind === 'number' || field.kind === 'double') && !DOUBLE.test(value)) return { message: `${name()} "${value}" is not a number.` };
  return undefined;
}

export const rule = defineRule({
  id: 'schema-invalid-value',
  severity: 'error',
  title: 'A value its element does not allow',
  appliesTo: ['any-type'],
  needsXml: true,
  check(ctx) {
    const { file: f, root, doc } = ctx;
    const schema = rootSchema(f.type?.name, root);
    if (!schema) return [];
    const out = [];
    for (const n of schemaNodes(root, schema)) {
      const field = n.field;
      // OAuth scopes have their own rule (scope-unknown, a warning).
      if (!field || field.kind === 'complex' || n.el.children.length || (field.name === 'scopes' && n.owner.name === 'ConnectedAppOauthConfig')) continue;
      const value = n.el.text;
      if (value === '') continue;
      const p = problem(field, value);
      if (!p) continue;
      const span = trimmedValueSpan(doc.text, n.el);
      const cands = p.allowed ? candidates(value, p.allowed) : [];
      const fixes: Fix[] = cands.map((c) =>
        ctx.fix(`Change to ${c.value}`, ctx.edit(f.path, span.start, span.end, escapeXml(c.value)), { kind: c.caseOnly ? 'safe' : 'suggestion', ...(cands.length === 1 ? { preferred: true } : {}) }),
      );
      const dym = cands.length ? ` Did you mean ${cands.map((c) => c.value).join(' or ')}?` : '';
      out.push(ctx.finding(span, `${p.message}${dym}`, fixes));
    }
    return out;
  },
});
