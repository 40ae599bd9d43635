/**
 * Rule: manifest-type-name
 *
 * In any `<Package>` manifest of the project (`package.xml`, `manifest/*.xml`):
 * - warning: a `<types><name>` that is a near miss of an ECA type name (a folder name such as
 *   `extlClntAppGlobalOauthSets`, a cut-off `ExternalClientApp`, a typo, an old type name). SDR
 *   resolves no such type, so `sf project retrieve start --manifest` retrieves nothing for it. A pure
 *   case difference is not reported: SDR looks names up lower-cased (reference §1). Fix: the right
 *   name (safe; for an old type name a suggestion, as an old API version may still want it).
 * - information: the manifest retrieves the Dev Hub's global OAuth settings or a subscriber policy
 *   type (a type that can't be packaged) into a project with a packaged directory: the retrieved
 *   files land in the package directory and must be kept out of the package (and the global
 *   settings out of git).
 * Project scope: the findings sit in the manifest (RawFinding.path).
 */
import { defineRule, nearestEcaTypeName, parseXml, type RawFinding, type XmlElement } from './kit';

const WHY: Record<string, string> = {
  folder: 'is the folder name, not the type name',
  'old-name': 'is an old type name',
  prefix: 'is cut short',
  typo: 'is misspelled',
};

export const rule = defineRule({
  id: 'manifest-type-name',
  severity: 'warning',
  title: 'A package.xml type name is a near miss of an ECA type, or retrieves types that can\'t be packaged',
  scope: 'project',
  check(ctx) {
    const out: RawFinding[] = [];
    const packaged = ctx.project.config.packageDirectories.some((d) => !!d.package);
    for (const p of ctx.project.listFiles(['**/package.xml', '**/manifest/*.xml'])) {
      const doc = ctx.textOf(p);
      if (!doc || !/<Package[\s>]/.test(doc.text)) continue;
      const root = parseXml(doc).root;
      if (!root || root.name !== 'Package') continue;
      for (const types of root.children) {
        if (types.name !== 'types') continue;
        for (const el of types.children) {
          if (el.name !== 'name' || !el.text) continue;
          const span = trimmedSpan(doc.text, el);
          const near = nearestEcaTypeName(el.text, ctx.project.types);
          if (near) {
            const old = near.why === 'old-name';
            out.push(
              ctx.finding(
                span,
                `"${el.text}" ${WHY[near.why]}: the metadata type is ${near.name}. SDR resolves no type "${el.text}", so a retrieve or deploy with this manifest skips these members.` +
                  (old ? ' (Old API versions used this name; current ones do not.)' : ''),
                { path: p, fixes: [ctx.fix(`Change to ${near.name}`, ctx.edit(p, span.start, span.end, near.name), { kind: old ? 'suggestion' : 'safe', preferred: !old })] },
              ),
            );
            continue;
          }
          const type = ctx.project.types.byName(el.text) ?? ctx.project.types.all.find((t) => t.name.toLowerCase() === el.text.toLowerCase());
          if (packaged && type && type.packageable === 'no' && type.name !== 'ConnectedApp') {
            const global = type.owner === 'dev-hub';
            out.push(
              ctx.finding(
                span,
                `This manifest retrieves ${type.name} (${type.label}), which can't be packaged, into a project with a packaged directory: the files land in the package directory. ` +
                  (global
                    ? 'Keep them out of the package (.forceignore) and out of git: they hold the consumer key and secret.'
                    : 'Keep them out of the package with a .forceignore line; they are set by each subscriber\'s admin.'),
                { path: p, severity: 'information' },
              ),
            );
          }
        }
      }
    }
    return out;
  },
});

/** The element's text without surrounding whitespace. */
function trimmedSpan(text: string, el: XmlElement): { start: number; end: number } {
  const raw = text.slice(el.contentStart, el.contentEnd);
  const start = el.contentStart + (raw.length - raw.trimStart().length);
  return { start, end: start + raw.trim().length };
}
