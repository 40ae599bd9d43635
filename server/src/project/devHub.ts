/**
 * The Dev Hub org id, found offline (reference §5). Reads only the config keys named below and the
 * `orgId`/`isDevHub` keys of the auth file: never a token field, never copied anywhere.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import type { FsHost } from './fsHost';
import { ORG_ID, ORG_ID_SOURCE } from '../shared/orgId';

export interface DevHubLookup {
  /** 15-character org id, as ECA files write it. */
  orgId?: string;
  username?: string;
  /** How it was found or why not, for people. */
  source: string;
}

export interface DevHubEnv {
  env: Record<string, string | undefined>;
  home: string;
}

export function findDevHubOrgId(projectRoot: string, host: FsHost, e: DevHubEnv = { env: process.env, home: os.homedir() }): DevHubLookup {
  let target = e.env.SF_TARGET_DEV_HUB || e.env.SFDX_DEFAULTDEVHUBUSERNAME;
  let from = target ? 'environment' : '';
  // Project (local) config beats home (global) config, as in @salesforce/core's ConfigAggregator;
  // each level reads the legacy `.sfdx/sfdx-config.json` after its `.sf/config.json`.
  const configs: [string, string][] = [
    [path.join(projectRoot, '.sf', 'config.json'), 'target-dev-hub'],
    [path.join(projectRoot, '.sfdx', 'sfdx-config.json'), 'defaultdevhubusername'],
    [path.join(e.home, '.sf', 'config.json'), 'target-dev-hub'],
    [path.join(e.home, '.sfdx', 'sfdx-config.json'), 'defaultdevhubusername'],
  ];
  for (const [file, key] of configs) {
    if (target) break;
    const v = readJson(host, file)?.[key];
    if (typeof v === 'string' && v) {
      target = v;
      from = file;
    }
  }
  if (!target) return { source: 'no target-dev-hub is set (SF_TARGET_DEV_HUB, .sf/config.json)' };
  let username = target;
  const aliases = readJson(host, path.join(e.home, '.sfdx', 'alias.json'))?.orgs;
  if (aliases && typeof aliases === 'object') {
    const u = (aliases as Record<string, unknown>)[target];
    if (typeof u === 'string') username = u;
  }
  if (!/^[^/\\]+$/.test(username)) return { source: `target-dev-hub "${target}" is not a plain username` };
  // The auth file also holds tokens: pick out the orgId key with a pattern instead of parsing the
  // whole file, so no token value is ever materialised by ECA Lens.
  const authBytes = host.readFile(path.join(e.home, '.sfdx', `${username}.json`));
  const m = authBytes ? new RegExp(`"orgId"\\s*:\\s*"(${ORG_ID_SOURCE})"`).exec(new TextDecoder().decode(authBytes)) : null;
  const orgId = m?.[1];
  if (!orgId) {
    return { username, source: `no auth file with an org id for ${username} (from ${from})` };
  }
  return { orgId: orgId.slice(0, 15), username, source: `target-dev-hub ${target} (from ${from})` };
}

function readJson(host: FsHost, file: string): Record<string, unknown> | undefined {
  const b = host.readFile(file);
  if (!b) return undefined;
  try {
    const v = JSON.parse(new TextDecoder().decode(b)) as unknown;
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The Dev Hub org id given by a setting (`ecaLens.devHubOrgId`, the CLI's `--dev-hub-org-id`):
 * validated once, here, for the server and the CLI. Written as 15 characters.
 */
export function devHubFromSetting(value: string, from: 'cli' | 'setting' = 'setting'): DevHubLookup {
  const id = value.trim();
  const where = from === 'cli' ? '--dev-hub-org-id' : 'the ecaLens.devHubOrgId setting';
  return ORG_ID.test(id) ? { orgId: id.slice(0, 15), source: where } : { source: `${where} "${id}" is not an org id` };
}
