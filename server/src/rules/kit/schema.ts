/**
 * The schema as the schema-* rules read it: which type a file's root is checked against, a walk
 * over every element with the schema field it stands for, near-miss names, tag-name edits.
 */
import { complexType, scopeNames, schemaFor, type SchemaField, type TypeSchema } from '../../metadata/schema';
import { editDistance, OLD_TYPE_NAMES } from '../../metadata/types';
import type { XmlElement } from '../../metadata/parse';
import type { OffsetEdit } from '../../edits/textEdits';

export { schemaFor, complexType, scopeNames, type SchemaField, type TypeSchema };
export { editDistance };

export const METADATA_NS = 'http://soap.sforce.com/2006/04/metadata';

/** The type a file's root is checked against: its suffix's type, when the root says so. */
export function rootSchema(typeName: string | undefined, root: XmlElement): TypeSchema | undefined {
  if (!typeName || root.name !== typeName) return undefined;
  return schemaFor(typeName);
}

/** The root name means the type (current name, or an old name of it). */
export function isOldNameOf(rootName: string, typeName: string): boolean {
  return OLD_TYPE_NAMES[rootName] === typeName;
}

export interface SchemaNode {
  readonly el: XmlElement;
  readonly parent: XmlElement;
  /** The type whose field `el` should be. */
  readonly owner: TypeSchema;
  /** Undefined: the owner has no such element. */
  readonly field: SchemaField | undefined;
  /** How deep `el` is: 1 for a child of the root. */
  readonly depth: number;
}

/**
 * Every element below the root, depth first, in document order; unknown elements are not entered.
 * Computed once per parsed root and schema and kept for the last root only: the runner checks a
 * file with every rule before the next file, so the four schema rules that walk it share one walk
 * without the walks of 10,000 files staying in memory. Shared: read it, never change it.
 */
export function schemaNodes(root: XmlElement, schema: TypeSchema): readonly SchemaNode[] {
  const hit = nodesMemo;
  if (hit && hit.root === root && hit.schema === schema) return hit.nodes;
  const nodes: SchemaNode[] = [];
  const walk = (parent: XmlElement, owner: TypeSchema, depth: number) => {
    for (const el of parent.children) {
      const field = owner.field(el.name);
      nodes.push({ el, parent, owner, field, depth });
      const sub = field?.kind === 'complex' && field.type ? complexType(field.type) : undefined;
      if (sub) walk(el, sub, depth + 1);
    }
  };
  walk(root, schema, 1);
  nodesMemo = { root, schema, nodes };
  return nodes;
}
let nodesMemo: { root: XmlElement; schema: TypeSchema; nodes: SchemaNode[] } | undefined;

/** Every element that has a schema type (the root and the complex elements), with that type. */
export function schemaParents(root: XmlElement, schema: TypeSchema): readonly { el: XmlElement; type: TypeSchema; depth: number }[] {
  const hit = parentsMemo;
  if (hit && hit.root === root && hit.schema === schema) return hit.parents;
  const parents: { el: XmlElement; type: TypeSchema; depth: number }[] = [{ el: root, type: schema, depth: 0 }];
  for (const n of schemaNodes(root, schema)) {
    const sub = n.field?.kind === 'complex' && n.field.type ? complexType(n.field.type) : undefined;
    if (sub) parents.push({ el: n.el, type: sub, depth: n.depth });
  }
  parentsMemo = { root, schema, parents };
  return parents;
}
let parentsMemo: { root: XmlElement; schema: TypeSchema; parents: { el: XmlElement; type: TypeSchema; depth: number }[] } | undefined;

/** Fields a source file may hold: not the inherited `fullName` / `module`. */
export function ownFields(t: TypeSchema): readonly SchemaField[] {
  let own = ownMemo.get(t);
  if (!own) ownMemo.set(t, (own = t.fields.filter((f) => !f.inherited)));
  return own;
}
const ownMemo = new WeakMap<TypeSchema, readonly SchemaField[]>();

export interface NearMiss {
  readonly name: string;
  /** Differs only in letter case. */
  readonly caseOnly: boolean;
}

const singular = (s: string) => (s.endsWith('s') ? s.slice(0, -1) : s);

/**
 * Names close to `name`: the case-insensitive match alone when there is one; else those at edit
 * distance ≤ 2 (case-insensitive) or equal up to a plural `s`, nearest first.
 */
export function nearMisses(name: string, candidates: readonly string[]): NearMiss[] {
  const lower = name.toLowerCase();
  const exact = candidates.filter((c) => c.toLowerCase() === lower);
  if (exact.length) return exact.map((c) => ({ name: c, caseOnly: true }));
  const scored: { name: string; d: number }[] = [];
  for (const c of candidates) {
    const cl = c.toLowerCase();
    if (singular(cl) === singular(lower)) scored.push({ name: c, d: 0.5 });
    else if (Math.abs(cl.length - lower.length) <= 2) {
      const d = editDistance(lower, cl);
      if (d <= 2 && d < Math.max(cl.length, lower.length) / 2) scored.push({ name: c, d });
    }
  }
  scored.sort((a, b) => a.d - b.d);
  const best = scored.length ? scored[0]!.d : 0;
  return scored.filter((s) => s.d === best).map((s) => ({ name: s.name, caseOnly: false }));
}

/** Edits that rename an element: the open tag's name and the closing tag's (none for `<a/>`). */
export function renameElement(text: string, el: XmlElement, newName: string): OffsetEdit[] {
  const edits: OffsetEdit[] = [{ start: el.start + 1, end: el.start + 1 + el.name.length, newText: newName }];
  const close = el.contentEnd;
  if (text.startsWith(`</${el.name}`, close)) edits.push({ start: close + 2, end: close + 2 + el.name.length, newText: newName });
  return edits;
}

/** The value's span without surrounding whitespace (content offsets of a leaf element). */
export function trimmedValueSpan(text: string, el: XmlElement): { start: number; end: number; raw: string } {
  const raw = text.slice(el.contentStart, el.contentEnd);
  const start = el.contentStart + (raw.length - raw.trimStart().length);
  const end = el.contentEnd - (raw.length - raw.trimEnd().length);
  return { start, end: Math.max(start, end), raw: text.slice(start, Math.max(start, end)) };
}

/** A field's place in its type's sequence (for inserting in schema order). */
export function schemaOrder(t: TypeSchema): readonly string[] {
  return t.fields.map((f) => f.name);
}
