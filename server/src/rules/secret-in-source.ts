/**
 * Rule: secret-in-source
 *
 * A consumer secret or a private key in a file in the repository (error), or a consumer key in
 * global OAuth settings (warning). Excluded from the package or not, it is in git — unless git
 * ignores the file (`.gitignore`, `.git/info/exclude`: see project/gitIgnore.ts), then no finding.
 * Obvious placeholders are not secrets (the whole value): `${VAR}` replacement placeholders
 * (sfdx-project.json `replacements`), `$VAR`, `%VAR%`, an ALL_CAPS_WITH_UNDERSCORES name,
 * `REDACTED…`, `<…>`, `YOUR_…`, `changeme`, one character repeated (`xxxx`, `****`).
 * The value is never copied into a message. Fix (a suggestion: it removes an element, and the
 * secret must be rotated as well): remove the element.
 */
import { removeElement } from '../edits/textEdits';
import { contentSpan, defineRule, gitIgnoreOf, type RawFinding, type XmlElement } from './kit';

const PRIVATE_KEY = /-----BEGIN [A-Z ]*PRIVATE KEY-----/;
const PLACEHOLDERS: readonly RegExp[] = [
  /^\$\{[A-Za-z_][A-Za-z0-9_.-]*\}$/, // ${VAR}
  /^\$[A-Za-z_][A-Za-z0-9_]*$/, // $VAR
  /^%[A-Za-z_][A-Za-z0-9_]*%$/, // %VAR%
  /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/, // ECA_CONSUMER_SECRET (a real secret has no underscore)
  /^REDACTED/i,
  /^<[^<>]*>$/, // <your secret here>
  /^YOUR[_-]/i,
  /^change[_-]?me$/i,
  /^(.)\1*$/s, // xxxx, ****
];

/** The whole value is an obvious placeholder, not a secret. */
export function isPlaceholder(v: string): boolean {
  return PLACEHOLDERS.some((re) => re.test(v));
}

export const rule = defineRule({
  id: 'secret-in-source',
  severity: 'error',
  title: 'A consumer secret, private key or consumer key is committed in source',
  appliesTo: ['any-type'],
  needsXml: true,
  check(ctx) {
    const { file: f, root } = ctx;
    const type = f.type!;
    const out: RawFinding[] = [];
    const text = ctx.doc.text;
    const visit = (el: XmlElement) => {
      for (const c of el.children) visit(c);
      if (el.children.length) return;
      const v = el.text.trim();
      if (!v) return;
      let what: string | undefined;
      let severity: 'error' | 'warning' = 'error';
      if (el.name === 'consumerSecret') what = 'a consumer secret';
      // Every match holds "PRIVATE KEY-----": the expression runs only on values that do.
      else if (v.includes('PRIVATE KEY-----') && PRIVATE_KEY.test(v)) what = 'a private key';
      else if (el.name === 'consumerKey' && type.name === 'ExtlClntAppGlobalOauthSettings') {
        what = 'a consumer key';
        severity = 'warning';
      }
      // The placeholder test last: it is nine expressions, and most values hold no secret at all.
      if (!what || isPlaceholder(v)) return;
      const rm = removeElement(text, el);
      const global = type.name === 'ExtlClntAppGlobalOauthSettings';
      const advice = severity === 'error'
        ? `remove it and rotate ${what === 'a private key' ? 'the key and its certificate' : 'the secret'} in the org, since everyone who can read the repository has it`
        : 'remove it';
      const message = `<${el.name}> holds ${what} in source. .forceignore keeps a file out of the package, not out of git: ${advice}.` +
        (global ? ' Global OAuth settings belong to the Dev Hub and must not be in source control.' : '');
      const fix = ctx.fix(`Remove <${el.name}>`, ctx.edit(f.path, rm), { kind: 'suggestion', preferred: true });
      out.push(ctx.finding(contentSpan(el), message, { severity, fixes: [fix] }));
    };
    visit(root);
    // Not in git: nothing leaks through the repository. Asked only when there is a secret (reading
    // every .gitignore per file is the cost of a cold check; without a secret the answer changes nothing).
    if (out.length && gitIgnoreOf(ctx).ignores(f.path)) return [];
    return out;
  },
});
