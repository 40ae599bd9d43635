/**
 * textDocument/completion: a thin adapter over metadata/completion.ts. It reads the live document
 * text (mid-edit, maybe not well-formed), the type its name says and the project's app names, and
 * turns the core's entries into LSP items (snippets only for clients that take them).
 */
import * as path from 'node:path';
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionList, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { completeAt, type CompletionKind } from '../metadata/completion';
import type { EcaProject } from '../engine';

export const COMPLETION_TRIGGERS = ['<'];

const KIND: Record<CompletionKind, CompletionItemKind> = {
  element: CompletionItemKind.Property,
  value: CompletionItemKind.EnumMember,
  scope: CompletionItemKind.EnumMember,
  app: CompletionItemKind.Reference,
  skeleton: CompletionItemKind.Snippet,
};

export interface CompletionOptions {
  readonly snippets: boolean;
  readonly markdown: boolean;
}

/** Items at `pos` of `doc` (an ECA-family or ConnectedApp file of `project`, or a loose one). */
export function completionList(project: EcaProject | undefined, filePath: string, doc: TextDocument, pos: Position, o: CompletionOptions): CompletionList | null {
  const types = project?.types;
  const info = types?.classifyFileName(path.basename(filePath));
  if (!info || info.kind !== 'recognized') return null;
  let text = doc.getText();
  let offset = doc.offsetAt(pos);
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
    offset = Math.max(0, offset - 1);
  }
  const bom = doc.getText().charCodeAt(0) === 0xfeff ? 1 : 0;
  const appNames = project ? [...project.apps()].filter((a) => a.headers.length).map((a) => a.name) : [];
  const entries = completeAt({ text, offset, typeName: info.type.name, fullName: info.fullName, appNames, snippets: o.snippets });
  const items: CompletionItem[] = entries.map((e) => {
    const range = { start: doc.positionAt(e.replaceStart + bom), end: doc.positionAt(e.replaceEnd + bom) };
    const item: CompletionItem = {
      label: e.label,
      kind: KIND[e.kind],
      sortText: e.sortText,
      // VS Code filters an item by the text of its range up to the cursor: an element item replaces
      // the `<` the user typed, so its filter text must start with `<` too, or it is hidden.
      filterText: e.kind === 'skeleton' ? text : text.charAt(e.replaceStart) === '<' ? `<${e.label}` : e.label,
      textEdit: { range, newText: e.insertText },
      insertTextFormat: e.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    };
    if (e.detail) item.detail = e.detail;
    if (e.documentation) item.documentation = o.markdown ? { kind: MarkupKind.Markdown, value: e.documentation } : e.documentation;
    if (e.preselect) item.preselect = true;
    return item;
  });
  return { isIncomplete: false, items };
}
