/**
 * Unified diff of two texts (3 lines of context), as `diff -u` and `git apply` read it. Line-based
 * longest common subsequence; ECA files are small, and beyond a few thousand lines a side the
 * whole file is shown replaced.
 */

const CONTEXT = 3;

function splitLines(text: string): { lines: string[]; eol: boolean } {
  if (text === '') return { lines: [], eol: true };
  const lines = text.split('\n');
  const eol = lines[lines.length - 1] === '';
  if (eol) lines.pop();
  return { lines, eol };
}

type Op = { k: ' ' | '-' | '+'; line: string; a: number; b: number };

function ops(a: string[], b: string[]): Op[] {
  // Common head and tail first: most fixes touch a line or two.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const am = a.slice(head, a.length - tail);
  const bm = b.slice(head, b.length - tail);
  const out: Op[] = [];
  for (let i = 0; i < head; i++) out.push({ k: ' ', line: a[i]!, a: i, b: i });
  const n = am.length;
  const m = bm.length;
  if (n * m > 25_000_000) {
    am.forEach((line, i) => out.push({ k: '-', line, a: head + i, b: head }));
    bm.forEach((line, j) => out.push({ k: '+', line, a: head + n, b: head + j }));
  } else {
    const L: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) L[i]![j] = am[i] === bm[j] ? L[i + 1]![j + 1]! + 1 : Math.max(L[i + 1]![j]!, L[i]![j + 1]!);
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && am[i] === bm[j]) {
        out.push({ k: ' ', line: am[i]!, a: head + i, b: head + j });
        i++;
        j++;
      } else if (i < n && (j === m || L[i + 1]![j]! >= L[i]![j + 1]!)) {
        // Removals before additions, as diff -u prints them.
        out.push({ k: '-', line: am[i]!, a: head + i, b: head + j });
        i++;
      } else {
        out.push({ k: '+', line: bm[j]!, a: head + i, b: head + j });
        j++;
      }
    }
  }
  for (let t = 0; t < tail; t++) out.push({ k: ' ', line: a[a.length - tail + t]!, a: a.length - tail + t, b: b.length - tail + t });
  return out;
}

/**
 * `--- a/<oldName>` / `+++ b/<newName>` and the hunks; `undefined` for a side means the file does
 * not exist there (`/dev/null`). '' when the texts are equal.
 */
export function unifiedDiff(oldName: string, newName: string, before: string | undefined, after: string | undefined): string {
  if (before === after) return '';
  const A = splitLines(before ?? '');
  const B = splitLines(after ?? '');
  const all = ops(A.lines, B.lines);
  // "\ No newline at end of file" after the last line of a side that lacks one.
  const mark = (op: Op) => {
    const lastA = op.k !== '+' && op.a === A.lines.length - 1 && !A.eol;
    const lastB = op.k !== '-' && op.b === B.lines.length - 1 && !B.eol;
    if (op.k === ' ' && lastA !== lastB) return { split: true };
    return { split: false, noEol: lastA || lastB };
  };
  const out: string[] = [`--- ${before === undefined ? '/dev/null' : `a/${oldName}`}`, `+++ ${after === undefined ? '/dev/null' : `b/${newName}`}`];
  // A context line whose end-of-line differs between the sides is really a change.
  const expanded: Op[] = [];
  for (const op of all) {
    if (op.k === ' ' && mark(op).split) {
      expanded.push({ ...op, k: '-' }, { ...op, k: '+' });
    } else expanded.push(op);
  }
  const changed = expanded.map((o, i) => (o.k !== ' ' ? i : -1)).filter((i) => i >= 0);
  let h = 0;
  while (h < changed.length) {
    let start = Math.max(0, changed[h]! - CONTEXT);
    let end = Math.min(expanded.length, changed[h]! + CONTEXT + 1);
    while (h + 1 < changed.length && changed[h + 1]! - CONTEXT <= end) {
      h++;
      end = Math.min(expanded.length, changed[h]! + CONTEXT + 1);
    }
    const slice = expanded.slice(start, end);
    const aCount = slice.filter((o) => o.k !== '+').length;
    const bCount = slice.filter((o) => o.k !== '-').length;
    const first = slice[0]!;
    const aStart = aCount ? first.a + 1 : first.a;
    const bStart = bCount ? first.b + 1 : first.b;
    out.push(`@@ -${aStart},${aCount} +${bStart},${bCount} @@`);
    for (const o of slice) {
      out.push(`${o.k}${o.line}`);
      const lastA = o.k === '-' && o.a === A.lines.length - 1 && !A.eol;
      const lastB = o.k === '+' && o.b === B.lines.length - 1 && !B.eol;
      const lastCtx = o.k === ' ' && o.a === A.lines.length - 1 && !A.eol;
      if (lastA || lastB || lastCtx) out.push('\\ No newline at end of file');
    }
    start = end;
    h++;
  }
  return out.join('\n') + '\n';
}
