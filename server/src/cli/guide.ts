/**
 * `eca-lens guide [DIR] [--app NAME] [--out FILE]`: a Markdown post-install guide for each app
 * that ships in a package. Reads flags and names from the metadata, never a secret value.
 * Exit 0, 2 on usage problems or when there is no packaged app (or none named NAME).
 */
import * as path from 'node:path';
import { nodeFsHost } from '../project/fsHost';
import { openProject } from '../engine';
import { renderGuide, type GuideApp } from '../views/guide';
import { guideApps } from '../views/guideApps';
import { failure, isResult, parseCommand, projectRootsOf, type CommandResult } from './subcommand';

export { guideApps, findPermissionSets } from '../views/guideApps';

export const GUIDE_USAGE = `Usage: eca-lens guide [DIR] [--app NAME] [--out FILE]

Writes a Markdown post-install guide for subscribers, one section per External Client App that
ships in a package of the sfdx project at or above DIR: the OAuth flow to enable, the Run As user,
permission sets, scopes, IP ranges, permitted users. No key or secret is ever printed.

Options:
  --app NAME      only this app (its fullName)
  --out FILE      write the guide to FILE instead of standard output
  -h, --help      this help
Exit status: 0 written, 2 usage problem or no packaged app.
`;

const fail = (msg: string, usage = false): CommandResult => failure('guide', msg, usage);

export function runGuide(argv: string[], cwd = process.cwd()): CommandResult {
  const parsed = parseCommand<{ app?: string; out?: string; help?: boolean }>('guide', argv, { app: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
  if (isResult(parsed)) return parsed;
  const { values, positionals } = parsed;
  if (values.help) return { code: 0, stdout: GUIDE_USAGE, stderr: '' };
  const target = projectRootsOf('guide', positionals, cwd);
  if (isResult(target)) return target;
  const { roots } = target;
  let apps: GuideApp[] = [];
  for (const root of roots) apps.push(...guideApps(openProject(root, nodeFsHost, { ruleSet: [] }), nodeFsHost));
  if (!apps.length) return fail(`no External Client App ships in a package of ${roots.length > 1 ? 'these projects' : 'this project'} (a header included in a packageDirectories entry with "package")`);
  if (values.app !== undefined) {
    const want = values.app;
    apps = apps.filter((a) => a.name === want);
    if (!apps.length) return fail(`no packaged app named "${want}"`);
  }
  const md = renderGuide(apps);
  if (values.out !== undefined) {
    const out = path.resolve(cwd, values.out);
    try {
      nodeFsHost.writeFile(out, new TextEncoder().encode(md));
    } catch (e) {
      return fail(`can't write "${values.out}": ${e instanceof Error ? e.message : String(e)}`);
    }
    return { code: 0, stdout: '', stderr: `wrote ${values.out} (${apps.length} app(s))\n` };
  }
  return { code: 0, stdout: md, stderr: '' };
}
