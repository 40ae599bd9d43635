/**
 * Rule: scope-unknown
 *
 * A token of `commaSeparatedOauthScopes` (OAuth settings) or a ConnectedApp `<scopes>` that is not
 * a scope name (`ConnectedAppOauthAccessScope`; ECA files spell `SFAP` as `SFApiPlatform`).
 * Warning, never error: the list grows release by release. Did-you-mean fixes: OAuth-protocol
 * spellings (`refresh_token` → `RefreshToken`, `api` → `Api`, `sfap_api`) and letter case are
 * unambiguous (safe); `id` → `Basic`, `visualforce` → `CustomApplications` and near misses are
 * suggestions. Every real file separates tokens with ", ": other separators get an
 * information-level finding with a fix that rewrites them (a suggestion).
 */
import { child, defineRule, editDistance, scopeNames, trimmedValueSpan, type Fix, type RawFinding } from './kit';
import type { XmlFileContext } from './kit';

/** OAuth protocol names whose metadata name is not the same letters. */
const PROTOCOL: Readonly<Record<string, { eca: string; connectedApp: string; safe: boolean }>> = {
  id: { eca: 'Basic', connectedApp: 'Basic', safe: false },
  visualforce: { eca: 'CustomApplications', connectedApp: 'CustomApplications', safe: false },
  sfap: { eca: 'SFApiPlatform', connectedApp: 'SFAP', safe: true },
  sfapiplatform: { eca: 'SFApiPlatform', connectedApp: 'SFAP', safe: true },
};

const norm = (s: string) => s.toLowerCase().replace(/_api$/, '').replace(/_/g, '');

export function scopeSuggestions(token: string, names: readonly string[], kind: 'eca' | 'connectedApp'): { name: string; safe: boolean }[] {
  const n = norm(token);
  const p = PROTOCOL[n];
  if (p) return [{ name: p[kind], safe: p.safe }];
  const same = names.filter((x) => norm(x) === n);
  if (same.length === 1) return [{ name: same[0]!, safe: true }];
  let best = Infinity;
  let out: string[] = [];
  for (const x of names) {
    const d = editDistance(n, x.toLowerCase());
    if (d > 2 || d >= x.length / 2) continue;
    if (d < best) [best, out] = [d, [x]];
    else if (d === best) out.push(x);
  }
  return out.map((name) => ({ name, safe: false }));
}

function checkToken(ctx: XmlFileContext, token: string, start: number, names: readonly string[], kind: 'eca' | 'connectedApp'): RawFinding | undefined {
  if (names.includes(token)) return undefined;
  const sugg = scopeSuggestions(token, names, kind);
  const fixes: Fix[] = sugg.map((s) =>
    ctx.fix(`Change scope "${token}" to ${s.name}`, ctx.edit(ctx.file.path, start, start + token.length, s.name), { kind: s.safe ? 'safe' : 'suggestion', ...(sugg.length === 1 ? { preferred: true } : {}) }),
  );
  const where = kind === 'eca' ? 'commaSeparatedOauthScopes' : '<scopes>';
  const dym = sugg.length ? ` Did you mean ${sugg.map((s) => s.name).join(' or ')}?` : '';
  const protocol = /^[a-z_]+$/.test(token) && sugg.length ? ' Metadata names scopes in PascalCase, not by their OAuth protocol name.' : '';
  return ctx.finding({ start, end: start + token.length }, `"${token}" in ${where} is not an OAuth scope name ECA Lens knows.${dym}${protocol}`, fixes);
}

export const rule = defineRule({
  id: 'scope-unknown',
  severity: 'warning',
  title: 'An OAuth scope that is not a scope name',
  appliesTo: ['ExtlClntAppOauthSettings', 'ConnectedApp'],
  needsXml: true,
  check(ctx) {
    const { file: f, root, doc } = ctx;
    if (root.name !== f.type!.name) return [];
    const out: RawFinding[] = [];
    if (f.type!.name === 'ConnectedApp') {
      const names = scopeNames('connectedApp');
      for (const el of child(root, 'oauthConfig')?.children ?? []) {
        if (el.name !== 'scopes' || !el.text) continue;
        const s = trimmedValueSpan(doc.text, el);
        const r = checkToken(ctx, s.raw, s.start, names, 'connectedApp');
        if (r) out.push(r);
      }
      return out;
    }
    const el = child(root, 'commaSeparatedOauthScopes');
    if (!el || !el.text) return [];
    const names = scopeNames('eca');
    const s = trimmedValueSpan(doc.text, el);
    const re = /[^\s,]+/g;
    const tokens: { t: string; start: number; end: number }[] = [];
    for (let m = re.exec(s.raw); m; m = re.exec(s.raw)) tokens.push({ t: m[0], start: s.start + m.index, end: s.start + m.index + m[0].length });
    for (const t of tokens) {
      const r = checkToken(ctx, t.t, t.start, names, 'eca');
      if (r) out.push(r);
    }
    // Separators looked at in place; sliced out only when one is not ", " (for the message).
    let odd = false;
    for (let i = 1; i < tokens.length && !odd; i++) {
      const a = tokens[i - 1]!.end;
      odd = tokens[i]!.start - a !== 2 || doc.text.charCodeAt(a) !== 44 /* , */ || doc.text.charCodeAt(a + 1) !== 32;
    }
    if (odd) {
      const seps = tokens.slice(1).map((t, i) => doc.text.slice(tokens[i]!.end, t.start));
      const joined = tokens.map((t) => t.t).join(', ');
      out.push(ctx.finding(s, `Scopes are separated by ", " in every real file; this list uses ${describe(seps.find((x) => x !== ', ')!)}. Other separators are not documented.`, {
        severity: 'information',
        fixes: [ctx.fix('Separate the scopes with ", "', ctx.edit(f.path, s.start, s.end, joined), { kind: 'suggestion', preferred: true })],
      }));
    }
    return out;
  },
});

function describe(sep: string): string {
  if (sep === ',') return '"," without a space';
  if (!sep.includes(',')) return 'spaces without a comma';
  return `"${sep.replace(/\r?\n/g, '\\n').replace(/\t/g, '\\t')}"`;
}
