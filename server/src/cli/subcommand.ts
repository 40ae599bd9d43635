/**
 * What `eca-lens preview` and `eca-lens guide` share: their own option table (node's parseArgs,
 * usage errors in words pointing at the command's help, as cli/args.ts does for check), and one
 * DIR argument resolved to the sfdx projects at, above or below it.
 */
import * as path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { describeParseError } from './args';
import { nodeFsHost } from '../project/fsHost';
import { findProjectRoots } from '../engine';

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Exit 2 with one line; a usage problem points at the command's help. */
export function failure(command: string, msg: string, usage = false): CommandResult {
  return { code: 2, stdout: '', stderr: usage ? `eca-lens ${command}: ${msg}; see eca-lens ${command} --help\n` : `eca-lens: ${msg}\n` };
}

/** The parsed options and positionals, or the usage error to return. */
export function parseCommand<V>(command: string, argv: string[], options: NonNullable<ParseArgsConfig['options']>): { values: V; positionals: string[] } | CommandResult {
  try {
    const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, strict: true, options });
    return { values: values as V, positionals };
  } catch (e) {
    return failure(command, describeParseError(e), true);
  }
}

/** The one DIR (default `.`) and the sfdx projects for it, or the error to return. */
export function projectRootsOf(command: string, positionals: string[], cwd: string): { dirArg: string; dir: string; roots: string[] } | CommandResult {
  if (positionals.length > 1) return failure(command, `only one DIR may be given ("${positionals.join('", "')}")`, true);
  const dirArg = positionals[0] ?? '.';
  const dir = path.resolve(cwd, dirArg);
  if (!nodeFsHost.isDirectory(dir)) return failure(command, `"${dirArg}" is not a folder`);
  const roots = findProjectRoots(dir, nodeFsHost);
  if (roots.length === 0) return failure(command, `no sfdx-project.json at or above "${dirArg}", nor below it`);
  return { dirArg, dir, roots };
}

export const isResult = (x: object): x is CommandResult => 'code' in x && 'stderr' in x;
