/**
 * sfdx-project.json: package directories (which are packaged), aliases, namespace. Problems become
 * findings on the file with a precise range; nothing here throws.
 */
import * as path from 'node:path';
import { parseTree, findNodeAtLocation, printParseErrorCode, ParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { TextFile } from '../util/text';

export const PROJECT_FILE = 'sfdx-project.json';

export interface PackageDirectory {
  /** As written in the file. */
  readonly path: string;
  /** Absolute, normalised. */
  readonly absPath: string;
  /** Forward-slash path relative to the project root (e.g. `force-app`). */
  readonly relPath: string;
  readonly default: boolean;
  /** The 2GP package name: present means the directory is packaged. */
  readonly package?: string;
  readonly versionNumber?: string;
}

export interface ProjectProblem {
  message: string;
  start: number;
  end: number;
  severity: 'error' | 'warning' | 'information';
}

export interface SfdxProjectConfig {
  readonly root: string;
  readonly packageDirectories: readonly PackageDirectory[];
  readonly packageAliases: Readonly<Record<string, string>>;
  readonly namespace: string;
  readonly sourceApiVersion?: string;
  /** Keys that change SDR's registry, which ECA Lens does not apply. */
  readonly registryCustomizations: boolean;
  readonly problems: readonly ProjectProblem[];
}

export function parseSfdxProject(root: string, file: TextFile | undefined, readProblem?: string): SfdxProjectConfig {
  const problems: ProjectProblem[] = [];
  const empty: SfdxProjectConfig = { root, packageDirectories: [], packageAliases: {}, namespace: '', registryCustomizations: false, problems };
  if (!file) {
    problems.push({ message: `sfdx-project.json can't be read: ${readProblem ?? 'unreadable'}`, start: 0, end: 0, severity: 'error' });
    return empty;
  }
  const text = file.text;
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length || !tree) {
    const e = errors[0];
    problems.push({
      message: `sfdx-project.json is not valid JSON: ${e ? `${parseErrorInWords(e.error)} at ${lineColumn(text, e.offset)}` : 'empty file'}; the sf CLI will refuse this project`,
      start: e?.offset ?? 0,
      end: (e?.offset ?? 0) + (e?.length ?? 0),
      severity: 'error',
    });
    if (!tree) return empty;
  }
  if (tree.type !== 'object') {
    problems.push({ message: 'sfdx-project.json must hold a JSON object', start: tree.offset, end: tree.offset + tree.length, severity: 'error' });
    return empty;
  }
  const dirsNode = findNodeAtLocation(tree, ['packageDirectories']);
  const dirs: PackageDirectory[] = [];
  if (!dirsNode || dirsNode.type !== 'array') {
    const n = dirsNode ?? tree;
    problems.push({ message: '"packageDirectories" must be an array with at least one entry', start: n.offset, end: n.offset + (dirsNode ? n.length : 1), severity: 'error' });
  } else {
    const defaults: Node[] = [];
    for (const entry of dirsNode.children ?? []) {
      if (entry.type !== 'object') {
        problems.push({ message: 'each package directory must be an object with a "path"', start: entry.offset, end: entry.offset + entry.length, severity: 'error' });
        continue;
      }
      const p = str(entry, 'path');
      const pNode = findNodeAtLocation(entry, ['path']);
      if (p === undefined || p.trim() === '') {
        problems.push({ message: 'package directory has no "path"', start: entry.offset, end: entry.offset + 1, severity: 'error' });
        continue;
      }
      if (path.isAbsolute(p) || /^[a-zA-Z]:[\\/]/.test(p)) {
        problems.push({ message: `package directory path "${p}" is absolute; the sf CLI requires a path relative to the project root`, start: pNode!.offset, end: pNode!.offset + pNode!.length, severity: 'error' });
        continue;
      }
      const absPath = path.resolve(root, p);
      const isDefault = findNodeAtLocation(entry, ['default'])?.value === true;
      if (isDefault) defaults.push(findNodeAtLocation(entry, ['default'])!);
      const pkg = str(entry, 'package');
      dirs.push({
        path: p,
        absPath,
        relPath: path.relative(root, absPath).split(path.sep).join('/') || '.',
        default: isDefault,
        package: pkg && pkg.trim() ? pkg : undefined,
        versionNumber: str(entry, 'versionNumber'),
      });
      if (pkg && !str(entry, 'versionNumber')) {
        problems.push({ message: `package directory "${p}" names package "${pkg}" but has no "versionNumber"; sf package version create requires it`, start: entry.offset, end: entry.offset + 1, severity: 'warning' });
      }
    }
    if ((dirsNode.children ?? []).length === 0) {
      problems.push({ message: '"packageDirectories" is empty; the sf CLI needs at least one package directory, marked "default": true', start: dirsNode.offset, end: dirsNode.offset + dirsNode.length, severity: 'error' });
    }
    if (dirs.length === 1 && (dirsNode.children ?? []).length === 1) {
      const d = findNodeAtLocation(dirsNode.children![0]!, ['default']);
      if (d?.value === false) {
        problems.push({ message: 'the only package directory says "default": false; the sf CLI requires it to be the default (remove the key or set it to true)', start: d.offset, end: d.offset + d.length, severity: 'error' });
      }
    }
    if (dirs.length > 1 && defaults.length === 0) {
      problems.push({ message: 'several package directories and none is "default": true; the sf CLI requires exactly one default', start: dirsNode.offset, end: dirsNode.offset + 1, severity: 'error' });
    }
    if (defaults.length > 1) {
      for (const d of defaults.slice(1)) {
        problems.push({ message: 'more than one package directory is "default": true; the sf CLI requires exactly one', start: d.offset, end: d.offset + d.length, severity: 'error' });
      }
    }
  }
  const aliasesNode = findNodeAtLocation(tree, ['packageAliases']);
  const packageAliases: Record<string, string> = {};
  if (aliasesNode?.type === 'object') {
    for (const prop of aliasesNode.children ?? []) {
      const k = prop.children?.[0]?.value;
      const v = prop.children?.[1]?.value;
      if (typeof k === 'string' && typeof v === 'string') packageAliases[k] = v;
    }
  }
  // Keys that change SDR's registry: ECA Lens does not apply them, and says so where they are.
  const registryKeys = ['registryCustomizations', 'sourceBehaviorOptions'].flatMap((k) => {
    const n = findNodeAtLocation(tree, [k]);
    return n?.parent?.children?.[0] ? [{ k, key: n.parent.children[0] }] : [];
  });
  for (const { k, key } of registryKeys) {
    problems.push({
      message: `"${k}" changes how the sf CLI resolves metadata types; ECA Lens does not apply it and uses the standard registry, so its verdicts may differ for customized types`,
      start: key.offset,
      end: key.offset + key.length,
      severity: 'information',
    });
  }
  return {
    root,
    packageDirectories: dirs,
    packageAliases,
    namespace: str(tree, 'namespace') ?? '',
    sourceApiVersion: str(tree, 'sourceApiVersion'),
    registryCustomizations: registryKeys.length > 0,
    problems,
  };
}

function str(node: Node, key: string): string | undefined {
  const n = findNodeAtLocation(node, [key]);
  return n && typeof n.value === 'string' ? n.value : undefined;
}

/** The package directory that holds `absFile`: the deepest one whose path is a prefix. */
export function packageDirectoryOf(config: SfdxProjectConfig, absFile: string): PackageDirectory | undefined {
  let best: PackageDirectory | undefined;
  for (const d of config.packageDirectories) {
    // Inside: the same path, or the folder's path then a separator (no string made: this runs for every file).
    const a = d.absPath;
    if (absFile === a || (absFile.startsWith(a) && (a.endsWith(path.sep) || absFile[a.length] === path.sep))) {
      if (!best || d.absPath.length > best.absPath.length) best = d;
    }
  }
  return best;
}

/** jsonc-parser's error codes, in words. */
const PARSE_ERRORS: Partial<Record<ParseErrorCode, string>> = {
  [ParseErrorCode.InvalidSymbol]: 'unexpected character',
  [ParseErrorCode.InvalidNumberFormat]: 'invalid number',
  [ParseErrorCode.PropertyNameExpected]: 'expected a property name in double quotes',
  [ParseErrorCode.ValueExpected]: 'expected a value',
  [ParseErrorCode.ColonExpected]: 'expected a colon',
  [ParseErrorCode.CommaExpected]: 'expected a comma',
  [ParseErrorCode.CloseBraceExpected]: 'expected a closing brace "}"',
  [ParseErrorCode.CloseBracketExpected]: 'expected a closing bracket "]"',
  [ParseErrorCode.EndOfFileExpected]: 'unexpected text after the end',
  [ParseErrorCode.InvalidCommentToken]: 'comments are not allowed',
  [ParseErrorCode.UnexpectedEndOfComment]: 'unterminated comment',
  [ParseErrorCode.UnexpectedEndOfString]: 'unterminated string',
  [ParseErrorCode.UnexpectedEndOfNumber]: 'unterminated number',
  [ParseErrorCode.InvalidUnicode]: 'invalid unicode escape',
  [ParseErrorCode.InvalidEscapeCharacter]: 'invalid escape character',
  [ParseErrorCode.InvalidCharacter]: 'invalid character',
};

function parseErrorInWords(code: ParseErrorCode): string {
  return PARSE_ERRORS[code] ?? printParseErrorCode(code);
}

/** 1-based `line:column` of a UTF-16 offset. */
function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = (before.match(/\r\n|\r|\n/g) ?? []).length + 1;
  const col = offset - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  return `${line}:${col}`;
}
