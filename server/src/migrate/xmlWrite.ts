/**
 * Writes Metadata API source files: the XML declaration, a root element in the metadata namespace,
 * children in schema order (alphabetical, which is what the Metadata API writes; same-named list
 * items keep their order), 4-space indentation, values XML-escaped.
 */
import { escapeXml } from '../edits/textEdits';

export const METADATA_NS = 'http://soap.sforce.com/2006/04/metadata';

/** An element to write: a leaf with a value, or a complex element with children. */
export interface XNode {
  readonly name: string;
  readonly value?: string;
  readonly children?: readonly XNode[];
}

/** The same order `insertChild` in edits/textEdits.ts uses, so later fixes keep it. */
export function schemaOrder(nodes: readonly XNode[]): XNode[] {
  return nodes
    .map((n, i) => ({ n, i }))
    .sort((a, b) => (a.n.name === b.n.name ? a.i - b.i : a.n.name.localeCompare(b.n.name, 'en') || a.i - b.i))
    .map((x) => x.n);
}

function render(n: XNode, indent: string, out: string[]): void {
  if (n.children) {
    out.push(`${indent}<${n.name}>`);
    for (const c of schemaOrder(n.children)) render(c, indent + '    ', out);
    out.push(`${indent}</${n.name}>`);
  } else {
    out.push(`${indent}<${n.name}>${escapeXml(n.value ?? '')}</${n.name}>`);
  }
}

/** The text of a metadata file whose root is `rootName`; ends with a line break. */
export function renderMetadataFile(rootName: string, children: readonly XNode[]): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', `<${rootName} xmlns="${METADATA_NS}">`];
  for (const c of schemaOrder(children)) render(c, '    ', out);
  out.push(`</${rootName}>`);
  return out.join('\n') + '\n';
}
