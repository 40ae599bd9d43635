#!/usr/bin/env node
/** CLI entry (bundled to server/out/cli.js). */
import { run } from './cli/main';
import { tuneHeap } from './util/heapTuning';

// A check builds one model that lives to the end of the process (util/heapTuning.ts).
tuneHeap('batch');

try {
  const r = run(process.argv.slice(2));
  if (r.stdoutBytes) process.stdout.write(r.stdoutBytes);
  else if (r.stdout) process.stdout.write(r.stdout);
  if (r.stderr) process.stderr.write(r.stderr);
  process.exitCode = r.code;
} catch (e) {
  process.stderr.write(`eca-lens: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 2;
}
