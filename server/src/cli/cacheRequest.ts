/**
 * `check --cache`, the lookup: the cache file and key of a check, and what the file answers.
 *
 * The CLI's entry (cli.ts) calls `answerFromCache` before anything else, in a bundle that holds
 * this module and what it imports, not the engine (server/out/cli.js; the engine is
 * server/out/cliEngine.js). A hit prints the cached output without compiling the engine's code
 * (660 KB of it in the development build: about 35 ms of a 170 ms hit on the bench tree). Anything
 * else loads the engine and hands it the lookup, so a miss does not read the cache file twice.
 *
 * Nothing here may import the engine, the rules or the model: test/unit/cacheRequest.test.ts runs
 * a hit with server/out/cli.js alone in a folder.
 */
import * as path from 'node:path';
import { nodeFsHost } from '../project/fsHost';
import { parseArgs, type CheckArgs } from './args';
import { cacheKey, readCache, type CachedOutput, type CacheLookup } from './cache';
import { supportsHyperlinks } from './terminal';
import type { RunResult } from './main';

export interface CheckEnv {
  cwd: string;
  env: Record<string, string | undefined>;
  isTTY: boolean;
  version: string;
}

/** A check's cache file and key, and the file's answer for them (undefined: none, or not ours). */
export interface CacheRequest {
  file: string;
  key: string;
  found: CacheLookup;
}

/** Whether the text output shows OSC 8 links (it is part of what the cache key covers). */
export function hyperlinksOf(args: CheckArgs, e: CheckEnv): boolean {
  return args.color && supportsHyperlinks({ isTTY: e.isTTY, env: e.env });
}

/**
 * The cache file and key of a `check --cache` run (`location`: `--cache-location` as given; `dir`: DIR resolved). The key is everything
 * the printed output depends on besides the inputs: the version, the settings, the output options.
 */
export function cacheFileAndKey(args: CheckArgs, location: string, e: CheckEnv, dir: string): { file: string; key: string } {
  const output = { format: args.format, color: args.color, hyperlinks: hyperlinksOf(args, e), verbose: args.verbose, maxWarnings: args.maxWarnings };
  const key = cacheKey(e.version, { dir, cwd: e.cwd, rules: args.rules, exclude: args.exclude, devHubOrgId: args.devHubOrgId, since: args.since ?? null, output, strategy: args.cacheStrategy });
  return { file: path.resolve(e.cwd, location), key };
}

/** --since reads git, --fix writes, --fix-dry-run prints a diff: never answered from the cache (the first two still write it). */
export function answerable(args: CheckArgs): boolean {
  return !args.since && !args.fix && !args.fixDryRun;
}

/** What a hit prints: the cached bytes as they are (no decode and re-encode of megabytes of output). */
export function hitResult(hit: CachedOutput): RunResult {
  return {
    code: hit.code,
    get stdout() {
      return hit.stdout;
    },
    stdoutBytes: hit.stdoutBytes,
    stderr: hit.why,
  };
}

/**
 * The CLI's first step: a hit's result, or the lookup made (for the engine to go on from), or
 * undefined when these arguments do not ask the cache (another command, no --cache, a usage
 * problem: the engine parses them again and says what is wrong).
 */
export function answerFromCache(argv: string[], e: CheckEnv): { result: RunResult } | { request: CacheRequest } | undefined {
  let args;
  try {
    args = parseArgs(argv, e.env, e.isTTY);
  } catch {
    return undefined;
  }
  if (args.command !== 'check' || !args.cacheLocation || !answerable(args)) return undefined;
  const dir = path.resolve(e.cwd, args.dir);
  if (!nodeFsHost.isDirectory(dir)) return undefined;
  const { file, key } = cacheFileAndKey(args, args.cacheLocation, e, dir);
  const found = readCache(file, key, nodeFsHost, args.cacheStrategy);
  if (found && 'hit' in found) return { result: hitResult(found.hit) };
  return { request: { file, key, found } };
}
