/**
 * "Insert Dev Hub org id": the offline lookup first (setting, then the sf CLI config through the
 * server), else an input box validated as an org id. Quick fixes that need the id
 * (`ecaLens.insertDevHubOrgId` code actions) get their placeholders filled with it.
 */
import type { InsertDevHubOrgIdArgs, Rng } from '../../../server/src/shared/protocol';
import type { Ui } from './ports';

import { ORG_ID } from '../../../server/src/shared/orgId';
export { ORG_ID };

/** ECA files write the 15-character id; an 18-character one is cut to its first 15. */
export function normalizeOrgId(value: string): string | undefined {
  const v = value.trim();
  return ORG_ID.test(v) ? v.slice(0, 15) : undefined;
}

export function validateOrgId(value: string): string | undefined {
  if (normalizeOrgId(value)) return undefined;
  const v = value.trim();
  if (!v.startsWith('00D')) return 'An org id starts with 00D.';
  return 'An org id is 15 or 18 letters and digits, e.g. 00D5g000001AbCd.';
}

export interface DevHubDeps {
  ui: Ui;
  /** The `ecaLens.devHubOrgId` setting (may be empty). */
  setting(): string;
  /** `ecaLens/devHubOrgId` on the server; undefined when the server can't answer. */
  lookup(uri?: string): Promise<{ orgId?: string; source: string } | undefined>;
  /** Store the id as the `ecaLens.devHubOrgId` workspace setting. */
  saveSetting?(orgId: string): Promise<void>;
}

export const REMEMBER = 'Save in Workspace Settings';

/**
 * After an id was typed: offer to keep it as `ecaLens.devHubOrgId` (workspace), so the other
 * fixes and "Fix All" can insert it without asking. Non-blocking for the caller.
 */
export async function offerToRemember(deps: DevHubDeps, orgId: string): Promise<boolean> {
  if (!deps.saveSetting) return false;
  const choice = await deps.ui.info(`Use Dev Hub org id ${orgId} for the other fixes too? It is saved as ecaLens.devHubOrgId in the workspace settings.`, REMEMBER);
  if (choice !== REMEMBER) return false;
  await deps.saveSetting(orgId);
  return true;
}

export interface OrgIdAnswer {
  orgId: string;
  source: string;
}

export async function resolveDevHubOrgId(deps: DevHubDeps, uri?: string): Promise<OrgIdAnswer | undefined> {
  const fromSetting = normalizeOrgId(deps.setting());
  if (fromSetting) return { orgId: fromSetting, source: 'setting ecaLens.devHubOrgId' };
  let why = 'the server did not answer';
  try {
    const r = await deps.lookup(uri);
    const id = r?.orgId ? normalizeOrgId(r.orgId) : undefined;
    if (id) return { orgId: id, source: r!.source };
    if (r?.source) why = r.source;
  } catch (e) {
    why = e instanceof Error ? e.message : String(e);
  }
  const typed = await deps.ui.input({
    title: 'Dev Hub org id',
    prompt: `The Dev Hub org id was not found offline (${why}). Enter the org id of the Dev Hub that owns the app.`,
    placeHolder: '00D5g000001AbCd',
    validate: validateOrgId,
  });
  if (typed === undefined) return undefined;
  return { orgId: normalizeOrgId(typed)!, source: 'entered' };
}

/** Replace snippet placeholders (`${1:00DXXXXXXXXXXXX}`, `$1`) with the org id. */
export function fillPlaceholders(text: string, orgId: string): string {
  return text.replace(/\$\{\d+(?::[^}]*)?\}|\$\d+/g, orgId);
}

export function isInsertArgs(v: unknown): v is InsertDevHubOrgIdArgs {
  if (!v || typeof v !== 'object') return false;
  const o = v as Partial<InsertDevHubOrgIdArgs>;
  return typeof o.uri === 'string' && Array.isArray(o.edits) && o.edits.every((e) => !!e && typeof e.newText === 'string' && isRange(e.range));
}

function isRange(r: unknown): r is Rng {
  const o = r as Rng | undefined;
  return !!o && typeof o.start?.line === 'number' && typeof o.start.character === 'number' && typeof o.end?.line === 'number' && typeof o.end.character === 'number';
}

/** The edits of an `ecaLens.insertDevHubOrgId` code action with the org id in place. */
export function filledEdits(args: InsertDevHubOrgIdArgs, orgId: string): { range: Rng; newText: string }[] {
  return args.edits.map((e) => ({ range: e.range, newText: fillPlaceholders(e.newText, orgId) }));
}
