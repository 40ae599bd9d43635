/**
 * What changed between two versions of a `.forceignore`, so an edit re-evaluates only the files
 * one of the changed lines can match.
 */
import type { Exclusion, ForceIgnoreFile } from '../project/forceIgnore';

/**
 * What changed between two versions of a `.forceignore`: the lines between the common head and tail.
 * `touches(path)`: one of them (old or new, negation dropped) matches the path or a parent folder,
 * so the path's verdict may differ.
 */
export function lineDiff(before: ForceIgnoreFile, after: ForceIgnoreFile) {
  const a = before.lines;
  const b = after.lines;
  const sameBom = before.file.bom === after.file.bom;
  let head = 0;
  while (sameBom && head < a.length && head < b.length && a[head]!.text === b[head]!.text) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail]!.text === b[b.length - 1 - tail]!.text) tail++;
  const removed = a.slice(head, a.length - tail).filter((l) => l.isPattern);
  const added = b.slice(head, b.length - tail).filter((l) => l.isPattern);
  // Many lines changed (a paste, a checkout): testing each one costs more than a full evaluation.
  if (removed.length + added.length > 8) return undefined;
  // A pattern matches a path only if its longest run of literal characters occurs in the path:
  // a substring test skips the matcher for almost every file. The test is a case-insensitive
  // expression (no lower-cased copy of every path of the project per edit), which folds case as
  // the matcher's own expressions do (`ignore` compiles them with the `i` flag, without `u`).
  const lits = [...removed.map((l) => ({ l, fi: before })), ...added.map((l) => ({ l, fi: after }))].map((x) => ({ ...x, lit: literalTest(x.l.pattern) }));
  return {
    touches(p: string): boolean {
      let rel: string | undefined | null = null;
      for (const { l, fi, lit } of lits) {
        if (lit && !lit.test(p)) continue;
        if (rel === null) rel = after.relative(p);
        if (rel === undefined) return false;
        if (fi.lineMatches(l, rel)) return true;
      }
      return false;
    },
  };
}

/** A case-insensitive test for the longest run of plain ASCII characters of a gitignore pattern (none when under 3). */
export function literalTest(pattern: string): RegExp | undefined {
  let best = '';
  for (const run of pattern.split(/[*?[\]\\/!]+/)) if (run.length > best.length) best = run;
  return best.length >= 3 && /^[\x20-\x7e]+$/.test(best) ? new RegExp(best.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i') : undefined;
}

/** The same excluding line (number, offsets, text) or the same default pattern. */
export function sameExclusion(a: Exclusion | undefined, b: Exclusion | undefined): boolean {
  if (!a || !b) return a === b;
  const x = a.line;
  const y = b.line;
  if (!x || !y) return x === y && a.defaultPattern === b.defaultPattern;
  return x.line === y.line && x.start === y.start && x.end === y.end && x.text === y.text;
}
