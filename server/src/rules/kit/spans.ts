/** Where a finding points in an XML file: a tag name, an element's value. */
import type { XmlElement } from '../../metadata/parse';
import type { Span } from './types';

/** The tag name of an element's open tag (`<name`, without `<`); {0, 0} without an element. */
export function tagNameSpan(el: XmlElement | undefined): Span {
  if (!el) return { start: 0, end: 0 };
  return { start: el.start + 1, end: el.start + 1 + el.name.length };
}

/** An element's content; its tag name when the element is empty (nothing to point at). */
export function valueSpan(el: XmlElement): Span {
  return el.text ? { start: el.contentStart, end: el.contentEnd } : tagNameSpan(el);
}

/** An element's content span exactly (empty when the element is). */
export function contentSpan(el: XmlElement): Span {
  return { start: el.contentStart, end: el.contentEnd };
}

/** The start of the file (findings about the file as a whole when it has no usable XML). */
export const FILE_START: Span = Object.freeze({ start: 0, end: 0 });
