/**
 * The conversion's accumulator: one Collector per Connected App records what maps where, what is
 * left unmapped and why, the blockers and the notes, and the XML nodes each ECA file will hold
 * (a leaf written twice keeps its first value). Element paths (e.g. `oauthConfig/scopes`) are
 * computed once from the Connected App's tree. Plus the small text helpers for boolean values.
 */
import type { XmlElement } from '../metadata/parse';
import { ecaFileName, type Blocker, type EcaFileKind, type MappedField, type Note, type UnmappedField } from './types';
import type { XNode } from './xmlWrite';

export class Collector {
  readonly mapped: MappedField[] = [];
  readonly unmapped: UnmappedField[] = [];
  readonly blockers: Blocker[] = [];
  readonly notes: Note[] = [];
  readonly out: Record<EcaFileKind, XNode[]> = { header: [], oauthSettings: [], globalOauth: [], oauthPolicies: [], policies: [] };
  private readonly seen = new Set<string>();
  private readonly paths = new Map<XmlElement, string>();

  constructor(
    root: XmlElement,
    readonly fullName: string,
  ) {
    const walk = (el: XmlElement, prefix: string) => {
      for (const c of el.children) {
        const p = prefix ? `${prefix}/${c.name}` : c.name;
        this.paths.set(c, p);
        walk(c, p);
      }
    };
    walk(root, '');
  }

  path(el: XmlElement): string {
    return this.paths.get(el) ?? el.name;
  }

  /** Record that `el` goes to `to` in the `kind` file (once per from/to pair). */
  map(el: XmlElement, kind: EcaFileKind, to: string, inferred = false): void {
    const from = this.path(el);
    const file = ecaFileName(kind, this.fullName);
    const key = `${from}\0${file}\0${to}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.mapped.push(inferred ? { from, file, to, inferred } : { from, file, to });
  }

  put(kind: EcaFileKind, node: XNode): void {
    const list = this.out[kind];
    // A leaf written twice (two sources for one field) keeps the first value.
    if (node.children === undefined && list.some((n) => n.name === node.name && n.children === undefined)) return;
    list.push(node);
  }

  has(kind: EcaFileKind, name: string): XNode | undefined {
    return this.out[kind].find((n) => n.name === name);
  }

  unmap(el: XmlElement, why: string): void {
    this.unmapped.push({ from: this.path(el), why, start: el.start, end: el.end });
  }

  block(el: XmlElement, label: string, why: string, elementForUnmapped: XmlElement = el): void {
    this.blockers.push({ element: this.path(el), label, why, start: el.start, end: el.end });
    this.unmap(elementForUnmapped, why);
  }

  note(message: string, el?: XmlElement, code?: Note['code']): void {
    const n: Note = el ? { message, element: this.path(el), start: el.start, end: el.end } : { message };
    this.notes.push(code ? { ...n, code } : n);
  }
}

export const lower = (s: string) => s.trim().toLowerCase();
export const bool = (s: string) => (lower(s) === 'true' ? 'true' : lower(s) === 'false' ? 'false' : s.trim());
export const isTrue = (el: XmlElement | undefined) => !!el && lower(el.text) === 'true';
