/**
 * Rule: forceignore-unpackaged-pattern
 *
 * SDR warns when a `.forceignore` holds the text `**\/unpackaged/**`: "Your .forceignore file
 * contains the "**\/unpackaged/**" rule. This will cause all files to be ignored during a
 * retrieve." (a retrieve unpacks into an `unpackaged` folder, so every retrieved file matches).
 * SDR looks for that exact text anywhere in the file, comments included: a pattern line is a
 * warning; a comment or a `!` line, where the text does no harm but still draws the CLI's warning,
 * is information. No fix: what to exclude instead depends on the project.
 */
import { defineRule, type RawFinding } from './kit';

const TEXT = '**/unpackaged/**';
const SDR_WARNING = 'Your .forceignore file contains the "**/unpackaged/**" rule. This will cause all files to be ignored during a retrieve.';

export const rule = defineRule({
  id: 'forceignore-unpackaged-pattern',
  severity: 'warning',
  title: '.forceignore holds "**/unpackaged/**", which ignores every file of a retrieve',
  scope: 'forceignore',
  check(ctx) {
    const out: RawFinding[] = [];
    for (const l of ctx.forceIgnore.lines) {
      const at = l.text.indexOf(TEXT);
      if (at < 0) continue;
      const harmful = l.isPattern && !l.negated;
      const message = harmful
        ? `The sf CLI warns: "${SDR_WARNING}" Remove the line, or name the folder you meant to leave out more narrowly.`
        : `The sf CLI warns about this text even here ("${SDR_WARNING}"), although this ${l.isPattern ? 'negated line' : 'comment'} excludes nothing. Reword it to silence the warning.`;
      out.push(ctx.finding({ start: l.start + at, end: l.start + at + TEXT.length }, message, { severity: harmful ? undefined : 'information' }));
    }
    return out;
  },
});
