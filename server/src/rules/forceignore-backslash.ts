/**
 * Rule: forceignore-backslash
 *
 * A `.forceignore` line uses `\` as a folder separator (`force-app\main\default\extlClntAppPolicies`,
 * `**\extlClntAppGlobalOauthSets\**`). SDR warns ("Your .forceignore file incorrectly uses the
 * backslash ("\") as a folder separator...") and on Linux and macOS such a pattern matches nothing:
 * gitignore reads `\` as an escape. Fix: `/` for each separator (a doubled `\\` becomes one `/`).
 *
 * Gitignore escapes are left alone: `\#` and `\!` at the start, `\ ` (a kept space), `\[`, `\]`, and
 * `\*` or `\?` on a line with no separator backslash (`file\*name`). On a line that does use `\`
 * as a separator, `\*` after a name is one too (`externalClientApps\*`). The fix is safe.
 */
import { defineRule, patternSpan, replacePattern, shown, type RawFinding } from './kit';

type Kind = 'escape' | 'separator' | 'maybe';

interface Backslash {
  /** Offset in the pattern and length (a run of `\\` counts as one separator). */
  at: number;
  length: number;
  kind: Kind;
}

/** Classify every backslash of a pattern. */
function backslashes(p: string): Backslash[] {
  const out: Backslash[] = [];
  for (let i = 0; i < p.length; i++) {
    if (p[i] !== '\\') continue;
    const next = p[i + 1];
    if (next === '\\') {
      let j = i;
      while (p[j] === '\\') j++;
      out.push({ at: i, length: j - i, kind: 'separator' });
      i = j - 1;
      continue;
    }
    let kind: Kind;
    if (i === 0 && (next === '#' || next === '!')) kind = 'escape';
    else if (next === ' ' || next === '[' || next === ']') kind = 'escape';
    else if (next === '*' || next === '?') {
      if (i === 0) kind = 'escape';
      // `**\x` and `x\**`: a globstar only stands next to a separator.
      else if (p[i - 1] === '*' || (next === '*' && p[i + 2] === '*')) kind = 'separator';
      else kind = 'maybe';
    } else kind = 'separator'; // before a name character, or at the end of the line
    out.push({ at: i, length: 1, kind });
    if (kind === 'escape') i++; // the escaped character is not a backslash of its own
  }
  return out;
}

export const rule = defineRule({
  id: 'forceignore-backslash',
  severity: 'warning',
  title: '.forceignore uses a backslash as a folder separator',
  scope: 'forceignore',
  check(ctx) {
    const fi = ctx.forceIgnore;
    const out: RawFinding[] = [];
    for (const l of fi.lines) {
      const s = patternSpan(l);
      if (!s || !s.pattern.includes('\\')) continue;
      const found = backslashes(s.pattern);
      if (!found.some((b) => b.kind === 'separator')) continue;
      let fixed = '';
      let pos = 0;
      for (const b of found) {
        if (b.kind === 'escape') continue;
        fixed += s.pattern.slice(pos, b.at) + '/';
        pos = b.at + b.length;
      }
      fixed += s.pattern.slice(pos);
      const message =
        `"${shown(l, s.pattern)}" uses "\\" as a folder separator. The sf CLI warns ("Your .forceignore file incorrectly uses the backslash ("\\") as a folder separator; it should use the slash ("/") instead.") ` +
        `and on Linux and macOS the pattern matches nothing, since "\\" escapes the next character. Write "${shown(l, fixed)}".`;
      out.push(ctx.finding(s, message, ctx.fix(`Change to "${shown(l, fixed)}"`, replacePattern(ctx, fi, s, fixed), { kind: 'safe', preferred: true })));
    }
    return out;
  },
});
