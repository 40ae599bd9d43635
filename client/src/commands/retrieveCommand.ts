/**
 * "Copy retrieve command": the `sf project retrieve start --metadata ...` line for an app, with
 * lower-case type names (SDR looks names up lower-cased; the lower-case spelling is the safe advice).
 * Global OAuth settings are left out: they must not be in source control.
 */
import type { AppInventory, FileInventory } from '../../../server/src/shared/protocol';
import { ECA_TYPES, HEADER_TYPE, type EcaTypeInfo } from '../../../server/src/shared/ecaTypes';

/** The component's fullName from its file name (`Billing_oauth.ecaOauth-meta.xml` → `Billing_oauth`). */
export function fullNameOf(file: FileInventory, types: readonly EcaTypeInfo[] = ECA_TYPES): string | undefined {
  const t = types.find((x) => x.name === file.type);
  if (!t) return undefined;
  const base = file.path.slice(file.path.lastIndexOf('/') + 1);
  for (const ending of [`.${t.suffix}-meta.xml`, `.${t.suffix}`]) {
    if (base.endsWith(ending) && base.length > ending.length) return base.slice(0, -ending.length);
  }
  return undefined;
}

/** `type:fullName` members, header first, in type-table order, without duplicates. */
export function retrieveMembers(app: AppInventory, types: readonly EcaTypeInfo[] = ECA_TYPES): string[] {
  const order = new Map(types.map((t, i) => [t.name, i]));
  const members: { order: number; text: string }[] = [{ order: -1, text: `${HEADER_TYPE.toLowerCase()}:${app.name}` }];
  for (const f of app.files) {
    const t = types.find((x) => x.name === f.type);
    if (!t || t.name === HEADER_TYPE || t.owner === 'dev-hub') continue;
    const fullName = fullNameOf(f, types);
    if (!fullName) continue;
    members.push({ order: order.get(t.name) ?? types.length, text: `${t.name.toLowerCase()}:${fullName}` });
  }
  const seen = new Set<string>();
  return members
    .sort((a, b) => a.order - b.order || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0))
    .map((m) => m.text)
    .filter((m) => !seen.has(m) && !!seen.add(m));
}

/** One shell line; API names need no quoting (letters, digits, underscores, dots). */
export function retrieveCommand(app: AppInventory, types: readonly EcaTypeInfo[] = ECA_TYPES): string {
  const quote = (s: string) => (/^[A-Za-z0-9_.:*-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
  return ['sf project retrieve start', ...retrieveMembers(app, types).map((m) => `--metadata ${quote(m)}`)].join(' ');
}
