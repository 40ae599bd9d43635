/**
 * Who is pre-authorised for an app, and what those permission sets and profiles grant: the names
 * in an OAuth policies file's `commaSeparatedProfile` / `commaSeparatedPermissionSet` (one span per
 * comma-separated token) or a ConnectedApp's `profileName` / `permissionSetName` elements, resolved
 * to the project's `*.permissionset-meta.xml` / `*.profile-meta.xml` (read through the context, so
 * a change to one re-checks the reader). Shared by the preauthorized-* and integration-user rules.
 */
import * as path from 'node:path';
import { parseXml, child, type XmlElement } from '../../metadata/parse';
import type { TextFile } from '../../util/text';
import type { ProjectView } from '../../model/types';
import type { EditHelpers, Span } from './types';

export type AccessKind = 'profile' | 'permissionSet';

export interface NamedAccess extends Span {
  readonly kind: AccessKind;
  /** The name as written (trimmed, entities decoded). */
  readonly name: string;
}

/** Permissions that make a pre-authorised user an administrator in all but name. */
export const ADMIN_PERMISSIONS = ['ModifyAllData', 'ViewAllData', 'ManageUsers', 'AuthorApex'] as const;

/** Standard profiles: label → API name (the file name when retrieved). Not expected in source. */
export const STANDARD_PROFILES: ReadonlyMap<string, string> = new Map([
  ['System Administrator', 'Admin'],
  ['Standard User', 'Standard'],
  ['Read Only', 'ReadOnly'],
  ['Contract Manager', 'ContractManager'],
  ['Marketing User', 'MarketingProfile'],
  ['Solution Manager', 'SolutionManager'],
  ['Standard Platform User', 'StandardAul'],
  ['Minimum Access - Salesforce', 'Minimum Access - Salesforce'],
  ['Minimum Access - API Only Integrations', 'Minimum Access - API Only Integrations'],
  ['Salesforce API Only System Integrations', 'Salesforce API Only System Integrations'],
  ['Chatter Free User', 'Chatter Free User'],
  ['Chatter External User', 'Chatter External User'],
  ['Identity User', 'Identity User'],
]);

const STANDARD_LOWER = new Set([...STANDARD_PROFILES].flatMap(([l, n]) => [l.toLowerCase(), n.toLowerCase()]));

export function isStandardProfile(name: string): boolean {
  return STANDARD_LOWER.has(name.toLowerCase());
}

export function isSystemAdministrator(name: string): boolean {
  const n = name.toLowerCase();
  return n === 'system administrator' || n === 'admin';
}

function decodeEntities(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (m, e: string) => {
    const k = e.toLowerCase();
    if (k === 'amp') return '&';
    if (k === 'lt') return '<';
    if (k === 'gt') return '>';
    if (k === 'quot') return '"';
    if (k === 'apos') return "'";
    const code = k.startsWith('#x') ? parseInt(k.slice(2), 16) : parseInt(k.slice(1), 10);
    return Number.isFinite(code) ? String.fromCodePoint(code) : m;
  });
}

/** The pre-authorised names of a policies file or a ConnectedApp, one per name (first occurrence). */
export function preauthorizedNames(text: string, root: XmlElement, typeName: string): NamedAccess[] {
  const out: NamedAccess[] = [];
  const seen = new Set<string>();
  const push = (kind: AccessKind, name: string, start: number, end: number) => {
    const key = `${kind}:${name.toLowerCase()}`;
    if (!name || seen.has(key)) return;
    seen.add(key);
    out.push({ kind, name, start, end });
  };
  if (typeName === 'ConnectedApp') {
    const visit = (el: XmlElement) => {
      for (const c of el.children) {
        if (c.children.length === 0 && (c.name === 'profileName' || c.name === 'permissionSetName')) {
          const raw = text.slice(c.contentStart, c.contentEnd);
          const lead = raw.length - raw.trimStart().length;
          const t = raw.trim();
          push(c.name === 'profileName' ? 'profile' : 'permissionSet', decodeEntities(t), c.contentStart + lead, c.contentStart + lead + t.length);
        } else visit(c);
      }
    };
    visit(root);
    return out;
  }
  for (const [elName, kind] of [['commaSeparatedProfile', 'profile'], ['commaSeparatedPermissionSet', 'permissionSet']] as const) {
    const el = child(root, elName);
    if (!el) continue;
    const raw = text.slice(el.contentStart, el.contentEnd);
    let pos = 0;
    for (const part of raw.split(',')) {
      const lead = part.length - part.trimStart().length;
      const t = part.trim();
      push(kind, decodeEntities(t), el.contentStart + pos + lead, el.contentStart + pos + lead + t.length);
      pos += part.length + 1;
    }
  }
  return out;
}

export interface AccessFile {
  readonly path: string;
  readonly kind: AccessKind;
  /** API name (the file name). */
  readonly apiName: string;
  readonly label: string | undefined;
  readonly root: XmlElement;
  readonly doc: TextFile;
}

const SUFFIX: Record<AccessKind, string> = { profile: '.profile-meta.xml', permissionSet: '.permissionset-meta.xml' };

function decodeFileName(base: string): string {
  try {
    return decodeURIComponent(base);
  } catch {
    return base;
  }
}

const parsed = new WeakMap<TextFile, XmlElement | null>();
/** Parsed once per text (profiles are big and every policies file reads them). */
function rootOf(doc: TextFile): XmlElement | undefined {
  let r = parsed.get(doc);
  if (r === undefined) parsed.set(doc, (r = parseXml(doc).root ?? null));
  return r ?? undefined;
}

/** The project's permission set or profile that `name` names (API name, else label), or undefined. */
export function resolveAccess(ctx: EditHelpers & { project: ProjectView }, kind: AccessKind, name: string): AccessFile | undefined {
  const suffix = SUFFIX[kind];
  const candidates = ctx.project.listFiles(`**/*${suffix}`);
  const lower = name.toLowerCase();
  const alt = kind === 'profile' ? STANDARD_PROFILES.get(name)?.toLowerCase() : undefined;
  const load = (p: string): AccessFile | undefined => {
    const doc = ctx.textOf(p);
    const root = doc ? rootOf(doc) : undefined;
    if (!doc || !root) return undefined;
    return { path: p, kind, apiName: decodeFileName(path.basename(p).slice(0, -suffix.length)), label: child(root, 'label')?.text, root, doc };
  };
  for (const p of candidates) {
    const api = decodeFileName(path.basename(p).slice(0, -suffix.length)).toLowerCase();
    if (api === lower || api === alt) return load(p);
  }
  // ConnectedApp files name permission sets by label.
  for (const p of candidates) {
    const f = load(p);
    if (f?.label && f.label.toLowerCase() === lower) return f;
  }
  return undefined;
}

/** The `<userPermissions>` elements of a file that are enabled, by permission name. */
export function enabledUserPermissions(root: XmlElement): Map<string, XmlElement> {
  const m = new Map<string, XmlElement>();
  for (const c of root.children) {
    if (c.name !== 'userPermissions') continue;
    const name = child(c, 'name')?.text;
    if (name && child(c, 'enabled')?.text === 'true' && !m.has(name)) m.set(name, c);
  }
  return m;
}
