/**
 * Fixes → LSP workspace edits, by what the client can do:
 * - text edits: `documentChanges` (versioned for open documents) when supported, else `changes`;
 * - file operations (create/rename/delete): planned by edits/fileOps.ts (the plan `--fix` runs),
 *   then CreateFile/RenameFile/DeleteFile when the client announces every `resourceOperations`
 *   kind the steps need; otherwise the steps are returned as `serverOps` for the server to perform
 *   on disk with runFileSteps (the code action becomes the `ecaLens.server.applyFix` command);
 * - snippet text (`${1:...}`): a 3.18 `SnippetTextEdit` when the client announces
 *   `snippetEditSupport`, else plain text with an obviously invalid placeholder (see `snippetToPlain`).
 */
import type { CreateFile, DeleteFile, RenameFile, SnippetTextEdit, TextDocumentEdit, TextEdit as LspTextEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { FileOp, Fix, TextEdit } from '../engine';
import type { ClientCaps } from './capabilities';
import { planFileOps, type FileStep, type FileView } from '../edits/fileOps';

export interface EditEnv {
  caps: ClientCaps;
  toUri(p: string): string;
  /** Version of the open document at this path; null when not open. */
  versionOf(p: string): number | null;
  /** Base of the documentation links (`ecaLens.docsBaseUrl`); undefined: the default. */
  docsBase?: string;
  /** The file system the file operations are planned against (the server's host). */
  files?: FileView;
}

export interface BuiltEdit {
  edit: WorkspaceEdit;
  /** File operations the client can't perform: the server does them on disk. */
  serverOps: FileOp[];
  /** Paths the edit touches (to re-check after applying). */
  paths: string[];
}

export type SnippetMode = 'snippet' | 'plain';

/** Placeholder text for input a fix needs, when nobody can ask the user: fails every check loudly. */
export function placeholderFor(defaultText: string, needs?: Fix['needs']): string {
  if (needs === 'devHubOrgId' || /^00D/i.test(defaultText)) return needs === 'devHubOrgId' ? 'ENTER_DEV_HUB_ORG_ID' : 'ENTER_ORG_ID';
  if (/^888/.test(defaultText)) return 'ENTER_CONSUMER_ID';
  return defaultText ? `TODO_${defaultText.replace(/[^A-Za-z0-9_.-]/g, '_')}` : 'TODO';
}

/**
 * Snippet syntax → plain text: escapes resolved, `$0` dropped, every other tabstop or placeholder
 * replaced by `fill(default)`. Never leaves a value that looks valid (an org id placeholder
 * `00DXXXXXXXXXXXX` would pass a format check and fail only on deploy).
 */
export function snippetToPlain(s: string, fill: (defaultText: string) => string): string {
  let i = 0;
  const parse = (nested: boolean): string => {
    let out = '';
    while (i < s.length) {
      const c = s[i]!;
      if (c === '\\' && i + 1 < s.length && '$}\\|,'.includes(s[i + 1]!)) {
        out += s[i + 1];
        i += 2;
        continue;
      }
      if (nested && c === '}') return out;
      if (c === '$') {
        const rest = s.slice(i);
        const simple = /^\$(\d+)/.exec(rest);
        if (simple) {
          i += simple[0].length;
          if (simple[1] !== '0') out += fill('');
          continue;
        }
        const braced = /^\$\{(\d+)([:|}])/.exec(rest);
        if (braced) {
          i += braced[0].length;
          if (braced[2] === '}') {
            if (braced[1] !== '0') out += fill('');
          } else if (braced[2] === ':') {
            const def = parse(true);
            i++; // the closing brace
            out += braced[1] === '0' ? def : fill(def);
          } else {
            const end = s.indexOf('|}', i);
            const choices = end < 0 ? '' : s.slice(i, end);
            i = end < 0 ? s.length : end + 2;
            out += fill(choices.split(',')[0] ?? '');
          }
          continue;
        }
      }
      out += c;
      i++;
    }
    return out;
  };
  return parse(false);
}

/** Can the client perform every file operation of these fixes itself? */
export function clientDoesFileOps(fix: Pick<Fix, 'fileOps'>, caps: ClientCaps): boolean {
  return (fix.fileOps ?? []).every((o) => caps.documentChanges && caps.resourceOps.has(o.kind));
}

export function buildEdit(edits: readonly TextEdit[], fileOps: readonly FileOp[], env: EditEnv, snippet?: { mode: SnippetMode; needs?: Fix['needs'] }): BuiltEdit {
  const { caps } = env;
  const byPath = new Map<string, (LspTextEdit | SnippetTextEdit)[]>();
  for (const e of edits) {
    let list = byPath.get(e.path);
    if (!list) byPath.set(e.path, (list = []));
    if (snippet?.mode === 'snippet') list.push({ range: e.range, snippet: { kind: 'snippet', value: e.newText } } as SnippetTextEdit);
    else if (snippet) list.push({ range: e.range, newText: snippetToPlain(e.newText, (d) => placeholderFor(d, snippet.needs)) });
    else list.push({ range: e.range, newText: e.newText });
  }
  const paths = new Set<string>(byPath.keys());
  for (const o of fileOps) {
    paths.add(o.path);
    if (o.kind === 'rename') paths.add(o.newPath);
  }
  // The file operations as steps, decided in edits/fileOps.ts (the same plan `--fix` runs): order,
  // never overwrite, a case-only rename in two steps on a case-insensitive file system.
  const steps = planFileOps(fileOps, env.files ?? NO_FILES).steps;
  const clientDoesAll = caps.documentChanges && steps.every((o) => caps.resourceOps.has(o.kind));
  const serverOps: FileOp[] = clientDoesAll ? [] : steps;
  if (caps.documentChanges) {
    const dc: (TextDocumentEdit | CreateFile | RenameFile | DeleteFile)[] = [];
    for (const [p, list] of byPath) dc.push({ textDocument: { uri: env.toUri(p), version: env.versionOf(p) }, edits: list });
    if (clientDoesAll) dc.push(...stepsAsOperations(steps, env));
    return { edit: { documentChanges: dc }, serverOps, paths: [...paths] };
  }
  const changes: Record<string, LspTextEdit[]> = {};
  for (const [p, list] of byPath) changes[env.toUri(p)] = list as LspTextEdit[];
  return { edit: { changes }, serverOps, paths: [...paths] };
}

const NO_FILES: FileView = { exists: () => false, readDir: () => undefined };

/** Planned file steps as LSP resource operations (a created file's text as an edit after it). */
export function stepsAsOperations(steps: readonly FileStep[], env: Pick<EditEnv, 'toUri'>): (TextDocumentEdit | CreateFile | RenameFile | DeleteFile)[] {
  const dc: (TextDocumentEdit | CreateFile | RenameFile | DeleteFile)[] = [];
  for (const o of steps) {
    if (o.kind === 'create') {
      dc.push({ kind: 'create', uri: env.toUri(o.path), options: { ignoreIfExists: true } });
      dc.push({ textDocument: { uri: env.toUri(o.path), version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: o.text }] });
    } else if (o.kind === 'delete') {
      dc.push({ kind: 'delete', uri: env.toUri(o.path), options: { ignoreIfNotExists: true } });
    } else {
      dc.push({ kind: 'rename', oldUri: env.toUri(o.path), newUri: env.toUri(o.newPath), options: { overwrite: false, ignoreIfExists: true } });
    }
  }
  return dc;
}

/** A fix as an edit, the snippet handled for this client (`plain` unless snippets are supported). */
export function buildFixEdit(fix: Fix, env: EditEnv): BuiltEdit {
  const snippet = fix.snippet ? { mode: (env.caps.snippetEdits && env.caps.documentChanges ? 'snippet' : 'plain') as SnippetMode, needs: fix.needs } : undefined;
  return buildEdit(fix.edits, fix.fileOps ?? [], env, snippet);
}
