/**
 * V8 heap settings for ECA Lens's two long-running shapes of work, set at run time (the entries
 * call this first; no flags on the command line, which the editor or the shell owns).
 *
 * Both keep V8's young generation at its initial size (1 MB semi-spaces). V8 starts it small and
 * doubles it as objects survive, up to 16 MB. A scavenge copies every live young object; while an
 * index is built nearly everything survives, so a bigger young generation only means more copying
 * and more memory. Kept at 1 MB, survivors reach the old generation sooner.
 * `--semi-space-growth-factor` is read each time V8 would grow the young generation, so it takes
 * effect at run time (`--max-semi-space-size` does not: it is read once, when the heap is made).
 *
 * - `batch` (the CLI): only that. A cold check of the bench's 2,000-app project: about 8 % less
 *   CPU, and 148 MB resident instead of 182 MB (whole `eca-lens check` processes, alternating).
 * - `server`: also grows the old generation by 25 % per step instead of V8's up-to-4× for small
 *   heaps (`--heap-growing-percent`, read at each GC), so an editor's resident size stays where
 *   `--optimize-for-size` kept it, without that flag's cost in speed. bench/lsp.mjs, alternating
 *   runs: `initialize` → last diagnostic 2.2–2.4 s instead of 3.3–3.5 s, a folder-wide
 *   `.forceignore` flip 135–143 ms instead of 248–330 ms, resident 121–123 MB instead of 120–124 MB.
 *
 * V8 prints an error for a flag it does not know, so the flags are set only on the V8 lines that
 * define them (node 20 to 24: V8 11 to 13); elsewhere nothing changes. A V8 that raises the growth
 * factor to a minimum of 2 (some newer versions do) ignores that one: V8's default, no error.
 */
import * as v8 from 'node:v8';

export type HeapProfile = 'batch' | 'server';

export const HEAP_FLAGS: Record<HeapProfile, readonly string[]> = {
  batch: ['--semi-space-growth-factor=1'],
  server: ['--semi-space-growth-factor=1', '--heap-growing-percent=25'],
};

/** The flags set (none on a V8 outside the known lines). */
export function tuneHeap(profile: HeapProfile, v8Version: string = process.versions.v8, set: (flag: string) => void = (f) => v8.setFlagsFromString(f)): readonly string[] {
  const major = Number(/^(\d+)\./.exec(v8Version)?.[1]);
  if (!(major >= 11 && major <= 13)) return [];
  for (const f of HEAP_FLAGS[profile]) set(f);
  return HEAP_FLAGS[profile];
}
