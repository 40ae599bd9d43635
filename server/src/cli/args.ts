/**
 * Command-line options: one table (node:util parseArgs reads it, the help text is printed from it),
 * so what is parsed and what --help says cannot drift apart. A usage problem throws UsageError,
 * which the CLI prints as one line: the reason and "see eca-lens --help".
 */
import { parseArgs as nodeParseArgs } from 'node:util';
import type { SeverityOrOff } from '../rules/kit';
import { ORG_ID } from '../shared/orgId';

export const FORMATS = ['text', 'json', 'sarif', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

export class UsageError extends Error {}

interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  /** Shown after the option name in --help. */
  value?: string;
  help: string;
}

/** Every option of `check` (and the global ones). */
export const OPTIONS = {
  format: { type: 'string', value: FORMATS.join('|'), help: 'output format (default: text); markdown suits $GITHUB_STEP_SUMMARY and PR comments' },
  fix: { type: 'boolean', help: 'apply the safe fixes and report what changed' },
  'fix-dry-run': { type: 'boolean', help: 'print a unified diff of what --fix would change; write nothing' },
  'max-warnings': { type: 'string', value: 'N', help: 'exit 1 when there are more than N warnings (default: -1, no limit)' },
  rule: { type: 'string', multiple: true, value: 'ID=SEVERITY', help: "set a rule's severity: error|warning|information|hint|off (ID may use *)" },
  exclude: { type: 'string', multiple: true, value: 'GLOB', help: 'leave out paths matching GLOB (relative to the project root)' },
  'dev-hub-org-id': { type: 'string', value: 'ID', help: 'Dev Hub org id for fixes (default: found offline from the sf CLI config)' },
  'no-color': { type: 'boolean', help: 'plain text output (also when NO_COLOR is set or stdout is not a terminal)' },
  since: { type: 'string', value: 'REF', help: 'also report released components that no longer ship since git REF (packaged-component-removed)' },
  verbose: { type: 'boolean', help: "show each finding's documentation link" },
  cache: { type: 'boolean', help: 'reuse the last report while no input changed; after edits of ECA files, re-check only what they affect' },
  'cache-location': { type: 'string', value: 'PATH', help: 'the cache file for --cache (default: .eca-lens-cache in the current folder)' },
  'cache-strategy': { type: 'string', value: 'metadata|content', help: 'what tells --cache a file changed: size + mtime (default), or its content (a fresh git clone, CI)' },
  help: { type: 'boolean', short: 'h', help: 'this help' },
  version: { type: 'boolean', short: 'v', help: 'the version' },
} as const satisfies Record<string, OptionSpec>;

export function usage(): string {
  const rows = Object.entries(OPTIONS as Record<string, OptionSpec>).map(([name, o]) => [`${o.short ? `-${o.short}, ` : '    '}--${name}${o.value ? ` ${o.value}` : ''}`, o.help] as const);
  const w = Math.max(...rows.map(([l]) => l.length));
  return `Usage: eca-lens check [DIR] [options]
       eca-lens rules
       eca-lens report [DIR] [--format markdown|json]                          (see report --help)
       eca-lens migrate FILE... [--out DIR] [--dry-run] [--format text|json]   (see migrate --help)
       eca-lens preview [DIR] [--since REF] [--format text|json]               (see preview --help)
       eca-lens guide [DIR] [--app NAME] [--out FILE]                          (see guide --help)

Checks the External Client App metadata of the sfdx project at or above DIR (default: the current
folder); with no project there, every project below it; with no sfdx-project.json anywhere, the
ECA files below DIR as loose metadata (file-level rules only).

Options:
${rows.map(([l, h]) => `  ${l.padEnd(w)}  ${h}`).join('\n')}

Paths are printed relative to the current folder (JSON: relative to each project's "root").
Exit status: 0 no errors, 1 errors found (or more warnings than --max-warnings), 2 usage or fatal problem.
`;
}

export interface CheckArgs {
  command: 'check';
  dir: string;
  format: Format;
  fix: boolean;
  fixDryRun: boolean;
  /** -1: no limit. */
  maxWarnings: number;
  rules: Record<string, SeverityOrOff>;
  exclude: string[];
  devHubOrgId?: string;
  /** Git revision of the last release (`--since`). */
  since?: string;
  color: boolean;
  verbose: boolean;
  /** `--cache`: the cache file's path (as given; resolved against the cwd), else undefined. */
  cacheLocation?: string;
  /** `--cache-strategy`: sign inputs by size + mtime, or by content. */
  cacheStrategy: 'metadata' | 'content';
}

export type Args = CheckArgs | { command: 'rules' | 'help' | 'version' };

/**
 * `knownRule`: whether a `--rule` id names a rule (main.ts passes the rule table's). Without it the
 * ids are not checked: the CLI's entry parses the arguments this way to look the cache up before it
 * loads the rules (cli/cacheRequest.ts). That lookup answers only with the output of a run whose
 * arguments passed the check: a run that fails it writes no cache.
 */
export function parseArgs(argv: string[], env: Record<string, string | undefined> = process.env, isTTY = !!process.stdout.isTTY, knownRule?: (id: string) => boolean): Args {
  let parsed: ReturnType<typeof nodeParseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true }>>;
  try {
    // `--max-warnings -1`: node's parser takes a value starting with "-" for an option.
    const joined: string[] = [];
    for (let i = 0; i < argv.length; i++) {
      const a = argv[i]!;
      if (a === '--max-warnings' && /^-\d+$/.test(argv[i + 1] ?? '')) joined.push(`${a}=${argv[++i]}`);
      else joined.push(a);
    }
    parsed = nodeParseArgs({ args: joined, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(describeParseError(e));
  }
  const v = parsed.values;
  const [command, ...rest] = parsed.positionals;
  if (v.help || command === 'help') return { command: 'help' };
  if (v.version) return { command: 'version' };
  if (command === undefined) return { command: 'help' };
  if (command === 'rules') {
    const extra = [...rest, ...Object.keys(v).map((k) => `--${k}`)];
    if (extra.length) throw new UsageError(`"rules" takes no argument or option, not "${extra[0]}"`);
    return { command: 'rules' };
  }
  if (command !== 'check') throw new UsageError(`unknown command "${command}" (expected check, rules, report, migrate, preview or guide)`);
  if (rest.length > 1) throw new UsageError(`only one DIR may be given ("${rest[0]}" and "${rest[1]}")`);
  const format = v.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${format}"`);
  if (v.fix && v['fix-dry-run']) throw new UsageError('--fix and --fix-dry-run exclude each other');
  let maxWarnings = -1;
  if (v['max-warnings'] !== undefined) {
    const s = v['max-warnings'];
    if (!/^-?\d+$/.test(s) || Number(s) < -1) throw new UsageError(`--max-warnings takes a whole number (-1 for no limit), not "${s}"`);
    maxWarnings = Number(s);
  }
  const rules: Record<string, SeverityOrOff> = {};
  for (const r of v.rule ?? []) {
    const m = /^([^=]+)=(error|warning|information|info|hint|off)$/.exec(r);
    if (!m) throw new UsageError(`--rule takes ID=SEVERITY (error|warning|information|hint|off), not "${r}"`);
    const id = m[1]!;
    if (knownRule && !id.includes('*') && !knownRule(id)) throw new UsageError(`--rule: no rule "${id}" (see "eca-lens rules")`);
    rules[id] = (m[2] === 'info' ? 'information' : m[2]) as SeverityOrOff;
  }
  if (v['cache-location'] !== undefined && !v.cache) throw new UsageError('--cache-location needs --cache');
  const cacheStrategy = v['cache-strategy'] ?? 'metadata';
  if (v['cache-strategy'] !== undefined && !v.cache) throw new UsageError('--cache-strategy needs --cache');
  if (cacheStrategy !== 'metadata' && cacheStrategy !== 'content') throw new UsageError(`--cache-strategy must be metadata or content, not "${cacheStrategy}"`);
  const devHubOrgId = v['dev-hub-org-id']?.trim();
  if (devHubOrgId !== undefined && !ORG_ID.test(devHubOrgId)) {
    throw new UsageError(`--dev-hub-org-id "${devHubOrgId}" is not an org id (00D followed by 12 or 15 letters and digits)`);
  }
  return {
    command: 'check',
    dir: rest[0] ?? '.',
    format: format as Format,
    fix: !!v.fix,
    fixDryRun: !!v['fix-dry-run'],
    maxWarnings,
    rules,
    exclude: [...(v.exclude ?? [])],
    devHubOrgId,
    since: v.since,
    color: !v['no-color'] && isTTY && !env.NO_COLOR,
    verbose: !!v.verbose,
    cacheLocation: v.cache ? (v['cache-location'] ?? '.eca-lens-cache') : undefined,
    cacheStrategy,
  };
}

/** node:util's messages, in this CLI's words (its codes are stable, its texts are not). */
export function describeParseError(e: unknown): string {
  const err = e as { code?: string; message?: string };
  const msg = err.message ?? String(e);
  const opt = /'(-[^' ]+)/.exec(msg)?.[1]?.replace(/^(--[^ ]+?)(?: <value>)?$/, '$1');
  switch (err.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option "${opt ?? msg}"`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /argument missing|ambiguous/.test(msg) ? `${opt} needs a value` : `${opt} takes no value`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument: ${msg}`;
    default:
      return msg;
  }
}
