/**
 * ECA type names as users write them in manifests and on the command line (`--metadata`). SDR
 * looks type names up lower-cased, so a pure case difference resolves (reference §1); anything
 * else that is not a type name resolves to nothing.
 */
import { CONNECTED_APP_TYPE, OLD_TYPE_NAMES, editDistance, type TypeRegistry } from '../../metadata/types';

/** The ECA family's type names (ConnectedApp left out), user-added types included. */
export function ecaTypeNames(types: TypeRegistry): string[] {
  return types.all.filter((t) => t.name !== CONNECTED_APP_TYPE).map((t) => t.name);
}

export interface TypeNameMatch {
  /** The type name it should be. */
  name: string;
  /** How the written name relates to it. */
  why: 'folder' | 'old-name' | 'prefix' | 'typo';
}

/**
 * The ECA type a written name is a near miss of, or undefined when it is a type name (any case) or
 * not close to one. Near misses: a type's folder name (`extlClntAppGlobalOauthSets`,
 * `externalClientApps`), an old type name (`ExtlClntAppOauthPlcyCnfg`), a cut-off name
 * (`ExternalClientApp`), or a typo (edit distance 1–2, e.g. `ExtlClntAppOauthSetting`). Ambiguous
 * near misses (two types as close) give undefined.
 */
export function nearestEcaTypeName(written: string, types: TypeRegistry): TypeNameMatch | undefined {
  const w = written.trim();
  const lower = w.toLowerCase();
  if (w.length < 8 || !/^[A-Za-z]+$/.test(w)) return undefined;
  const names = ecaTypeNames(types);
  if (names.some((n) => n.toLowerCase() === lower)) return undefined;
  // A non-ECA type of the registry (ConnectedApp) written in any case: not ours.
  if (lower === CONNECTED_APP_TYPE.toLowerCase()) return undefined;
  const byDir = types.byDirectory(w);
  if (byDir && byDir.name !== CONNECTED_APP_TYPE) return { name: byDir.name, why: 'folder' };
  for (const [old, now] of Object.entries(OLD_TYPE_NAMES)) if (old.toLowerCase() === lower) return { name: now, why: 'old-name' };
  const prefixed = names.filter((n) => n.toLowerCase().startsWith(lower) && lower.length >= 12);
  if (prefixed.length === 1) return { name: prefixed[0]!, why: 'prefix' };
  if (!/^(ext|eca)/i.test(w)) return undefined;
  let best: string[] = [];
  let bestD = 3;
  for (const n of names) {
    const d = editDistance(lower, n.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = [n];
    } else if (d === bestD) best.push(n);
  }
  return best.length === 1 ? { name: best[0]!, why: 'typo' } : undefined;
}
