/** vscode implementations of the ports the pure command flows use, and small conversions. */
import * as vscode from 'vscode';
import type { Rng } from '../../server/src/shared/protocol';
import type { Ui } from './commands/ports';
import type { Row } from './views/rows';

export const vscodeUi: Ui = {
  input: (o) =>
    Promise.resolve(
      vscode.window.showInputBox({ title: o.title, prompt: o.prompt, value: o.value, placeHolder: o.placeHolder, validateInput: o.validate, ignoreFocusOut: true }),
    ),
  pick: async (items, o) => {
    const picked = await vscode.window.showQuickPick(
      items.map((i) => ({ label: i.label, description: i.description, detail: i.detail, value: i.value })),
      { title: o.title, placeHolder: o.placeHolder, ignoreFocusOut: true, matchOnDescription: true, matchOnDetail: true },
    );
    return picked?.value;
  },
  info: (m, ...actions) => Promise.resolve(vscode.window.showInformationMessage(m, ...actions)),
  warn: (m, ...actions) => Promise.resolve(vscode.window.showWarningMessage(m, ...actions)),
  error: async (m) => {
    await vscode.window.showErrorMessage(m);
  },
};

export function toRange(r: Rng): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

export function toTreeItem(row: Row): vscode.TreeItem {
  const state =
    row.collapsible === 'none'
      ? vscode.TreeItemCollapsibleState.None
      : row.collapsible === 'expanded'
        ? vscode.TreeItemCollapsibleState.Expanded
        : vscode.TreeItemCollapsibleState.Collapsed;
  const item = new vscode.TreeItem(row.label, state);
  item.id = row.id;
  if (row.resourceUri) item.resourceUri = vscode.Uri.parse(row.resourceUri);
  item.description = row.description;
  if (row.tooltip) item.tooltip = new vscode.MarkdownString(row.tooltip);
  if (row.icon) item.iconPath = new vscode.ThemeIcon(row.icon.id, row.icon.color ? new vscode.ThemeColor(row.icon.color) : undefined);
  item.contextValue = row.contextValue;
  if (row.open?.range) {
    item.command = { command: 'ecaLens.revealFinding', title: 'Show the problem', arguments: [row.open.uri, row.open.range] };
  } else if (row.open) {
    item.command = { command: 'vscode.open', title: 'Open', arguments: [vscode.Uri.parse(row.open.uri), { preview: true }] };
  }
  return item;
}

/** A tree of rows: the models build the nodes, this only shows them. */
export class RowTreeProvider<N extends { row: Row; children: N[] }> implements vscode.TreeDataProvider<N>, vscode.Disposable {
  private roots: N[] = [];
  private parents = new Map<N, N>();
  private readonly emitter = new vscode.EventEmitter<N | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;

  /** `load`: the children of a node whose rows come when it is expanded (undefined: none to load). */
  constructor(private readonly load?: (n: N) => Promise<N[]> | undefined) {}

  set(roots: N[]): void {
    this.roots = roots;
    this.parents.clear();
    const walk = (n: N) => {
      for (const c of n.children) {
        this.parents.set(c, n);
        walk(c);
      }
    };
    roots.forEach(walk);
    this.emitter.fire(undefined);
  }

  getTreeItem(n: N): vscode.TreeItem {
    return toTreeItem(n.row);
  }

  getChildren(n?: N): N[] | Promise<N[]> {
    if (!n) return this.roots;
    const loading = n.children.length === 0 ? this.load?.(n) : undefined;
    if (!loading) return n.children;
    return loading.then(
      (kids) => {
        n.children = kids;
        for (const c of kids) this.parents.set(c, n);
        return kids;
      },
      () => [],
    );
  }

  getParent(n: N): N | undefined {
    return this.parents.get(n);
  }

  /** Every node, depth first. */
  all(): N[] {
    const out: N[] = [];
    const walk = (n: N) => {
      out.push(n);
      n.children.forEach(walk);
    };
    this.roots.forEach(walk);
    return out;
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

/** The documents that have unsaved changes now. */
export function dirtySnapshot(): Set<string> {
  return new Set(vscode.workspace.textDocuments.filter((d) => d.isDirty).map((d) => d.uri.toString()));
}

/**
 * Save the documents that became dirty since the snapshot (and only those): a fix applied from a
 * view or "Fix all" may touch files nobody has open, and lands on disk as the CLI's --fix does.
 */
export async function saveDirtySince(before: Set<string>): Promise<number> {
  let saved = 0;
  for (const d of vscode.workspace.textDocuments) {
    if (d.isDirty && !before.has(d.uri.toString()) && d.uri.scheme === 'file' && (await d.save())) saved++;
  }
  return saved;
}

/**
 * A tree view that shows one server answer at a time. The same answer twice leaves the rows alone:
 * re-rendering drops the rows' command arguments in VS Code, so a click during a needless refresh
 * would find no command.
 */
export abstract class ResultTree<R, N extends { row: Row; children: N[] }> implements vscode.Disposable {
  readonly provider = new RowTreeProvider<N>((n) => this.loadChildren(n));
  readonly view: vscode.TreeView<N>;
  private last: R | undefined;
  private lastKey = '';

  constructor(viewId: string) {
    this.view = vscode.window.createTreeView(viewId, { treeDataProvider: this.provider, showCollapseAll: true });
  }

  get result(): R | undefined {
    return this.last;
  }

  show(result: R): void {
    this.last = result;
    const key = JSON.stringify(result);
    if (key === this.lastKey) return;
    this.lastKey = key;
    this.provider.set(this.build(result));
    this.shown(result);
  }

  /** The rows for an answer. */
  protected abstract build(result: R): N[];
  /** The children of a node that are asked for when it is expanded; undefined for the others. */
  protected loadChildren(_n: N): Promise<N[]> | undefined {
    return undefined;
  }
  /** After new rows are shown (view description, badge...). */
  protected shown(_result: R): void {}

  dispose(): void {
    this.view.dispose();
    this.provider.dispose();
  }
}
