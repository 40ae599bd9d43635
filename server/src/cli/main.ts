/**
 * `eca-lens check [DIR] [options]`, `eca-lens rules`, `eca-lens report` and `eca-lens migrate`: the
 * engine in CI. One file per command (check.ts, rules.ts, integrationReport.ts, migrate.ts);
 * options in args.ts. check: exit 0 without errors, 1 with errors (or more warnings than
 * --max-warnings), 2 on usage or fatal problems (one-line reason on stderr); report: always 0
 * but for usage problems.
 */
import { parseArgs, usage, UsageError, type Args } from './args';
import { checkCommand } from './check';
import { rulesCommand } from './rules';
import { runMigrate } from './migrate';
import { runPreview } from './preview';
import { runGuide } from './guide';
import { reportCommand } from './integrationReport';
import { ALL_RULES } from '../rules/index';
import { VERSION } from './version';
import type { CacheRequest } from './cacheRequest';

export { parseArgs } from './args';

export interface RunResult {
  code: number;
  stdout: string;
  /** The same output as bytes, when the command has them already (a cache hit): written as is. */
  stdoutBytes?: Uint8Array;
  stderr: string;
}

const RULE_IDS = new Set(ALL_RULES.map((r) => r.id));

/** `looked`: the cache lookup the CLI's entry already made for these arguments (cli/cacheRequest.ts), not made again. */
export function run(argv: string[], cwd = process.cwd(), env: Record<string, string | undefined> = process.env, isTTY = !!process.stdout.isTTY, looked?: CacheRequest): RunResult {
  if (argv[0] === 'migrate') return runMigrate(argv.slice(1), cwd);
  if (argv[0] === 'preview') return runPreview(argv.slice(1), cwd);
  if (argv[0] === 'guide') return runGuide(argv.slice(1), cwd);
  if (argv[0] === 'report') return reportCommand(argv.slice(1), cwd);
  let args: Args;
  try {
    args = parseArgs(argv, env, isTTY, (id) => RULE_IDS.has(id));
  } catch (e) {
    if (e instanceof UsageError) return { code: 2, stdout: '', stderr: `eca-lens: ${e.message}; see eca-lens --help\n` };
    throw e;
  }
  switch (args.command) {
    case 'help':
      return { code: 0, stdout: usage(), stderr: '' };
    case 'version':
      return { code: 0, stdout: `${VERSION}\n`, stderr: '' };
    case 'rules':
      return rulesCommand();
    case 'check':
      return checkCommand(args, { cwd, env, isTTY, version: VERSION }, looked);
  }
}
