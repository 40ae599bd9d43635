/**
 * The OAuth posture of the app a checked file belongs to (metadata/oauthPosture.ts), built from
 * the file and its sibling files in the model (never the disk). An ECA file takes its own role;
 * the other roles come from the app's other files of that type (the first by path when an app
 * has several). A Connected App is its own posture.
 */
import { connectedAppPosture, ecaPosture, type OAuthPosture, type PostureLocation, type PostureSource } from '../../metadata/oauthPosture';
import { insertChild, replaceContent } from '../../edits/textEdits';
import type { TextEdit } from '../../edits/types';
import { tagNameSpan, valueSpan } from './spans';
import { CONNECTED_APP_TYPE } from '../../metadata/types';
import type { AppInfo, EcaFile } from '../../model/types';
import type { EcaFileContext, Related, Span } from './types';
import { isPackagedDir } from './fixes';
import { ROLE_TYPES } from '../../metadata/oauthPostureTypes';

function sourceOf(f: EcaFile): PostureSource | undefined {
  const root = f.xml?.root;
  return root && f.doc ? { path: f.path, root, text: f.doc.text } : undefined;
}

/**
 * Postures, remembered while the inputs are the same objects (the model makes a new EcaFile on
 * every re-parse and a new AppInfo whenever a file of the app changes): some fifteen rules ask per
 * file. An app file takes itself for its own role and the app's first file by path of each other
 * role, so every file that is its role's first (or has no role) has the same posture: one per app.
 * A second file of a role has its own, kept by its path; a file without an app stands alone. Only
 * the last few apps are kept (a posture is some 5 KB; 2,000 apps would hold 9 MB): the engine
 * checks the files of an app one after the other (EcaProject.checkAll, WorkspaceModel.allPaths).
 */
const RECENT_APPS = 16;
type Role = (typeof ROLES)[number];
const ROLES = ['header', 'oauthSettings', 'globalSettings', 'policies'] as const;

interface AppPostures {
  /** The app's first file (by path, with a parsed root) of each role, and its source. */
  files: Partial<Record<Role, EcaFile>>;
  sources: Partial<Record<Role, PostureSource>>;
  /** The posture of those first files. */
  posture?: OAuthPosture;
  /** Second files of a role, by path. */
  others: Map<string, OAuthPosture>;
}
const byApp = new Map<NonNullable<EcaFileContext['app']>, AppPostures>();
let lastFile: { file: EcaFile; posture: OAuthPosture | undefined } | undefined;
/** postureOf()'s last answer for an ECA file: keyed by the file and app objects the model replaces on a change. */
let lastEca: { file: EcaFile; app: AppInfo; posture: OAuthPosture } | undefined;

const roleOf = (f: EcaFile): Role | undefined => ROLES.find((r) => ROLE_TYPES[r] === f.type?.name);

/** The posture of the checked file's app; undefined for files that carry no OAuth posture. */
export function postureOf(ctx: EcaFileContext): OAuthPosture | undefined {
  const f = ctx.file;
  const own = sourceOf(f);
  if (!own || !f.type) return undefined;
  if (f.type.name === CONNECTED_APP_TYPE || !ctx.app) {
    if (lastFile?.file === f) return lastFile.posture;
    const role = roleOf(f);
    const p = f.type.name === CONNECTED_APP_TYPE ? connectedAppPosture(own) : ecaPosture(role ? { [role]: own } : {});
    lastFile = { file: f, posture: p };
    return p;
  }
  // The governance rules ask one after another for the same file: the last answer first.
  if (lastEca && lastEca.file === f && lastEca.app === ctx.app) return lastEca.posture;
  let entry = byApp.get(ctx.app);
  if (!entry) {
    byApp.set(ctx.app, (entry = firstFiles(ctx.app)));
    if (byApp.size > RECENT_APPS) byApp.delete(byApp.keys().next().value!);
  }
  const role = roleOf(f);
  let p: OAuthPosture | undefined;
  if (role === undefined || entry.files[role] === f) p = entry.posture ??= ecaPosture(entry.sources);
  else if (!(p = entry.others.get(f.path))) entry.others.set(f.path, (p = ecaPosture({ ...entry.sources, [role]: own })));
  lastEca = { file: f, app: ctx.app, posture: p };
  return p;
}

function firstFiles(app: AppInfo): AppPostures {
  const sorted = [...app.files].sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  const out: AppPostures = { files: {}, sources: {}, others: new Map() };
  for (const r of ROLES) {
    for (const s of sorted) {
      const src = s.type?.name === ROLE_TYPES[r] ? sourceOf(s) : undefined;
      if (src) {
        out.files[r] = s;
        out.sources[r] = src;
        break;
      }
    }
  }
  return out;
}

/**
 * A Packaged app (header `distributionState` Packaged, or the app's header in a 2GP package
 * directory): an AppExchange candidate.
 */
export function isPackagedApp(ctx: EcaFileContext, posture: OAuthPosture): boolean {
  if (posture.kind !== 'eca') return false;
  if (posture.distributionState.value === 'Packaged') return true;
  const headers = ctx.app?.headers ?? [];
  return headers.some(isPackagedDir) || (headers.length === 0 && isPackagedDir(ctx.file));
}

/** The sentence the AppExchange-relevant rules add for a Packaged app (reference §10). */
export const APPEXCHANGE_NOTE =
  ' This app is Packaged: AppExchange partners must have PKCE and refresh token rotation on for apps used by more than two customer orgs, and can\'t turn them off again.';

/** The setting is held by the checked file (so this file reports it, and no other does). */
export function heldHere(ctx: EcaFileContext, s: { at: PostureLocation | null }): s is { at: PostureLocation } {
  return s.at !== null && s.at.path === ctx.file.path;
}

/** Where a finding about a setting points: its value when written, else the tag name of the element it belongs in. */
export function settingSpan(s: { explicit: boolean; at: PostureLocation }): Span {
  return s.explicit ? valueSpan(s.at.element) : tagNameSpan(s.at.element);
}

/**
 * Edit that sets child `name` of the setting's holder to `value`: replaces the written value, or
 * inserts the element in schema (alphabetical) order into the element the setting belongs in.
 */
export function setSettingEdit(ctx: EcaFileContext, s: { explicit: boolean; at: PostureLocation }, name: string, value: string): TextEdit | undefined {
  const doc = ctx.file.doc;
  if (!doc) return undefined;
  const e = s.explicit ? replaceContent(s.at.element, value) : insertChild(doc, s.at.element, name, value);
  return ctx.edit(ctx.file.path, e);
}

/** A related location for a finding: another element of the posture (any file of the app). */
export function relatedAt(ctx: EcaFileContext, at: PostureLocation, message: string): Related {
  const el = at.element;
  const span = el.text ? { start: el.contentStart, end: el.contentEnd } : tagNameSpan(el);
  return { path: at.path, range: ctx.range(at.path, span.start, span.end), message };
}
