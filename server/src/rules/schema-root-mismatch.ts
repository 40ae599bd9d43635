/**
 * Rule: schema-root-mismatch
 *
 * The root element must be the type the file's suffix names (`X.ecaOauth-meta.xml` holds
 * `<ExtlClntAppOauthSettings>`), in the Metadata API namespace `http://soap.sforce.com/2006/04/metadata`.
 * Fixes: rename the root (start and end tag; a suggestion, since the file may be misnamed instead);
 * add or correct the namespace (safe: the platform reads nothing else).
 */
import { METADATA_NS, defineRule, isOldNameOf, renameElement, tagNameSpan, type Fix } from './kit';

export const rule = defineRule({
  id: 'schema-root-mismatch',
  severity: 'error',
  title: 'The root element is not the type the file name says, or lacks the metadata namespace',
  appliesTo: ['any-type'],
  needsXml: true,
  check(ctx) {
    const { file: f, root, doc } = ctx;
    const type = f.type!;
    const out = [];
    if (root.name !== type.name) {
      const suffix = `.${type.suffix}`;
      const old = isOldNameOf(root.name, type.name);
      const message = old
        ? `Root element <${root.name}> is the old name of ${type.name}; a ${suffix} file holds <${type.name}>.`
        : `Root element <${root.name}> does not match the file name: a ${suffix} file holds <${type.name}> (${type.label}). Either the root or the file name is wrong.`;
      const fix = ctx.fix(`Rename the root element to ${type.name}`, renameElement(doc.text, root, type.name).map((e) => ctx.edit(f.path, e)), { kind: 'suggestion', preferred: true });
      out.push(ctx.finding(tagNameSpan(root), message, fix));
    }
    const openTag = doc.text.slice(root.start, root.contentStart);
    const m = /\sxmlns\s*=\s*(["'])([^"']*)\1/.exec(openTag);
    if (!m || m[2] !== METADATA_NS) {
      let fix: Fix;
      if (m) {
        const valueStart = root.start + m.index + m[0].length - 1 - m[2]!.length;
        fix = ctx.fix(`Set the namespace to ${METADATA_NS}`, ctx.edit(f.path, valueStart, valueStart + m[2]!.length, METADATA_NS), { kind: 'safe', preferred: true });
      } else {
        const at = root.start + 1 + root.name.length;
        fix = ctx.fix(`Add xmlns="${METADATA_NS}"`, ctx.edit(f.path, at, at, ` xmlns="${METADATA_NS}"`), { kind: 'safe', preferred: true });
      }
      const message = m
        ? `Root element <${root.name}> has namespace "${m[2]}"; every Metadata API file declares ${METADATA_NS}.`
        : `Root element <${root.name}> has no namespace; every Metadata API file declares xmlns="${METADATA_NS}".`;
      out.push(ctx.finding(tagNameSpan(root), message, fix));
    }
    return out;
  },
});
