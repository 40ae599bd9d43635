#!/usr/bin/env node
/**
 * CLI entry (bundled to server/out/cli.js). A `check --cache` whose inputs did not change is
 * answered here, by a bundle without the engine (cli/cacheRequest.ts); everything else is the
 * engine's (cliEngine.ts, bundled to server/out/cliEngine.js and loaded only then).
 */
import { answerFromCache } from './cli/cacheRequest';
import { VERSION } from './cli/version';
import { tuneHeap } from './util/heapTuning';
import type * as Engine from './cliEngine';

// A check builds one model that lives to the end of the process (util/heapTuning.ts).
tuneHeap('batch');

try {
  const argv = process.argv.slice(2);
  const e = { cwd: process.cwd(), env: process.env, isTTY: !!process.stdout.isTTY, version: VERSION };
  const early = answerFromCache(argv, e);
  let r;
  if (early && 'result' in early) r = early.result;
  else {
    // A file beside this one at run time (scripts/build.mjs keeps it out of this bundle).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const engine = require('./cliEngine.js') as typeof Engine;
    r = engine.run(argv, e.cwd, e.env, e.isTTY, early?.request);
  }
  if (r.stdoutBytes) process.stdout.write(r.stdoutBytes);
  else if (r.stdout) process.stdout.write(r.stdout);
  if (r.stderr) process.stderr.write(r.stderr);
  process.exitCode = r.code;
} catch (e) {
  process.stderr.write(`eca-lens: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 2;
}
