/**
 * Rule: forceignore-invalid-pattern
 *
 * A `.forceignore` line that the `ignore` library (which the sf CLI's SDR uses) can't turn into a
 * regular expression, e.g. `[a-*` (an unclosed class; "Range out of order in character class"): SDR passes the whole
 * file to `ignore().add()`, which throws, so every `sf` command that reads the `.forceignore`
 * fails. ECA Lens leaves the line out and evaluates the others.
 * Also reported (warning): a line over MAX_PATTERN_CHARS characters, which ECA Lens does not
 * evaluate (the library's regular expressions get too slow); the sf CLI does.
 * No fix: what the line should say is the author's call.
 */
import { MAX_PATTERN_CHARS } from '../project/forceIgnore';
import { defineRule, type RawFinding } from './kit';

export const rule = defineRule({
  id: 'forceignore-invalid-pattern',
  severity: 'error',
  title: '.forceignore line that makes the sf CLI fail',
  scope: 'forceignore',
  check(ctx) {
    const out: RawFinding[] = [];
    for (const p of ctx.forceIgnore.problems) {
      if (p.kind === 'invalid') {
        out.push(ctx.finding({ start: p.start, end: p.end }, `This line makes the sf CLI fail: the "ignore" library it uses to read .forceignore throws "${p.error}". ECA Lens leaves the line out; fix or remove it.`));
      } else {
        out.push(ctx.finding({ start: p.start, end: p.start }, `This line is over ${MAX_PATTERN_CHARS} characters: ECA Lens does not evaluate it (the "ignore" library takes seconds on a pattern this long); the sf CLI does. No real pattern is this long: shorten or remove it.`, { severity: 'warning' }));
      }
    }
    return out;
  },
});
