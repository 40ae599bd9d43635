/**
 * One fuzz case: index the project, check every file, then test the safe fixes.
 * Properties (each violation is a failure with a name and details):
 *   crash       no exception escapes the engine, and no rule fails inside it
 *   slow        no engine pass (index + check of the whole project) takes over 1 s
 *   outside     a safe fix changes no byte outside its edit ranges (other files untouched, BOM kept)
 *   recheck     after a safe fix, the finding it fixes is gone (fewer findings of that rule there)
 *   idempotent  fix-all (each finding's preferred safe fix) reaches a fixed point: once there, another
 *               run changes nothing (and a run that skipped nothing is not redone on the same file)
 *   parse       on every decodable XML file of the case, the fast parser (metadata/xmlScan.ts) either
 *               declines or gives exactly the tree of fast-xml-parser's path (parseXmlSlow)
 */
import * as path from 'node:path';
import { openProject, type EcaProject, type Finding, type Fix, type TextEdit } from '../../server/src/engine';
import { applyFixes } from '../../server/src/edits/applyFixes';
import { decodeBytes } from '../../server/src/util/text';
import { parseXmlSlow } from '../../server/src/metadata/parse';
import { scanXml } from '../../server/src/metadata/xmlScan';
import { isDeepStrictEqual } from 'node:util';
import { MemFsHost } from './memHost';
import type { FuzzFiles } from './gen';

export const ROOT = '/fuzz/project';
const OPTIONS = { devHubOrgId: '00D5g000004XyZaEAK', devHubEnv: { env: {}, home: '/fuzz/home' } };
export const SLOW_MS = 1000;
/** Safe fixes tested one by one per case (the rest are still part of fix-all). */
const MAX_SINGLE_FIXES = 3;
/** Fix-all runs allowed to reach a fixed point. */
const MAX_ROUNDS = 25;

export interface Failure {
  property: 'crash' | 'slow' | 'outside' | 'recheck' | 'idempotent' | 'parse';
  detail: string;
  /** Relative path of the file the failure is about, when there is one. */
  path?: string;
}

export function hostFor(files: FuzzFiles): MemFsHost {
  const h = new MemFsHost();
  h.addDir(ROOT);
  for (const [rel, c] of Object.entries(files)) {
    const bytes = 'text' in c ? Buffer.from(c.text, 'utf8') : Buffer.from(c.base64, 'base64');
    h.writeFile(path.join(ROOT, rel), new Uint8Array(bytes));
  }
  return h;
}

const isSafe = (f: Fix) => (f.kind ?? 'safe') === 'safe' && !f.snippet;
const rel = (p: string) => path.relative(ROOT, p);

/** The slowest engine pass (index + check of a whole project) of the current case. */
let slowest = 0;

function allFindings(project: EcaProject, started: number): Finding[] {
  const out = [...project.checkAll().values()].flat();
  slowest = Math.max(slowest, performance.now() - started);
  return out;
}

const openAndCheck = (h: MemFsHost) => {
  const t = performance.now();
  return allFindings(openProject(ROOT, h, OPTIONS), t);
};

function snapshot(h: MemFsHost): Map<string, string> {
  const m = new Map<string, string>();
  for (const [p, d] of h.files) m.set(p, Buffer.from(d).toString('base64'));
  return m;
}

function sameFiles(a: MemFsHost, b: MemFsHost): string | undefined {
  const sa = snapshot(a);
  const sb = snapshot(b);
  for (const p of new Set([...sa.keys(), ...sb.keys()])) if (sa.get(p) !== sb.get(p)) return rel(p);
  return undefined;
}

/** Does `after` keep every character of `before` outside the edits, in order? Inserts may be dropped (planFixes de-duplicates .forceignore lines). */
function keepsOutside(before: string, after: string, edits: TextEdit[]): boolean {
  const sorted = [...edits].sort((x, y) => x.start - y.start || x.end - y.end);
  let pos = 0;
  let cur = 0;
  for (const e of sorted) {
    const seg = before.slice(pos, e.start);
    if (!after.startsWith(seg, cur)) return false;
    cur += seg.length;
    if (e.newText && after.startsWith(e.newText, cur)) cur += e.newText.length;
    else if (e.newText && e.start !== e.end) return false;
    pos = Math.max(pos, e.end);
  }
  return after.slice(cur) === before.slice(pos);
}

const same = (a: Uint8Array | undefined, b: Uint8Array | undefined) => (!a || !b ? a === b : Buffer.compare(a, b) === 0);

function checkOutside(before: MemFsHost, after: MemFsHost, fix: Fix): string | undefined {
  const opPaths = new Set((fix.fileOps ?? []).flatMap((o) => (o.kind === 'rename' ? [o.path, o.newPath] : [o.path])));
  const byFile = new Map<string, TextEdit[]>();
  for (const e of fix.edits) byFile.set(e.path, [...(byFile.get(e.path) ?? []), e]);
  for (const p of new Set([...before.files.keys(), ...after.files.keys()])) {
    if (opPaths.has(p)) continue;
    const b = before.files.get(p);
    const a = after.files.get(p);
    const edits = byFile.get(p);
    if (same(a, b)) continue; // untouched, or an edit not applied (e.g. undecodable file): fine
    if (!edits) return `${rel(p)} changed but the fix "${fix.title}" has no edit there`;
    if (!b || !a) return `${rel(p)} ${b ? 'vanished' : 'appeared'} under an edit of "${fix.title}"`;
    const db = decodeBytes(b);
    const da = decodeBytes(a);
    if (!db.ok || !da.ok) return `${rel(p)}: text not decodable around "${fix.title}"`;
    const enc = (x: Uint8Array) => (x[0] === 0xff && x[1] === 0xfe ? 'utf16le' : x[0] === 0xfe && x[1] === 0xff ? 'utf16be' : 'utf8');
    if (enc(b) !== enc(a)) return `${rel(p)}: encoding changed from ${enc(b)} to ${enc(a)} by "${fix.title}"`;
    if (db.file.bom !== da.file.bom) return `${rel(p)}: BOM ${db.file.bom ? 'lost' : 'added'} by "${fix.title}"`;
    if (!keepsOutside(db.file.text, da.file.text, edits)) return `${rel(p)}: text outside the edits of "${fix.title}" changed`;
  }
  return undefined;
}

const countOf = (fs: Finding[], ruleId: string, p: string) => fs.filter((f) => f.ruleId === ruleId && f.path === p).length;

/**
 * Each finding's preferred safe fix (what `--fix` and fix-all apply), keyed `ruleId@path: message`:
 * the message names what is wrong (the line, the value), so the same rule firing on another line
 * of a `.forceignore` after a fix (a cascade) is another finding, while a fix that did not remove its
 * finding brings back the same key.
 */
function fixAllSet(findings: Finding[]): { fixes: Fix[]; keys: Map<Fix, string> } {
  const keys = new Map<Fix, string>();
  for (const f of findings) {
    const x = f.fixes.find((y) => y.preferred && isSafe(y));
    if (x) keys.set(x, `${f.ruleId}@${rel(f.path)}: ${f.message}`);
  }
  return { fixes: [...keys.keys()], keys };
}

/** One fix-all run on a copy of `host`; `findings`: the host's findings when already known (the first run reuses the case's own). */
function fixAll(host: MemFsHost, findings?: Finding[]): { host: MemFsHost; skipped: number; applied: Set<string> } {
  const h = host.clone();
  const { fixes, keys } = fixAllSet(findings ?? openAndCheck(h));
  const r = applyFixes(h, fixes);
  // Only fixes that were written (applyPlan leaves undecodable and UTF-16 .forceignore files alone).
  const written = new Set(r.changes.map((c) => c.path));
  const applied = r.applied.filter((x) => x.edits.some((e) => written.has(e.path)) || (x.fileOps ?? []).some((o) => written.has(o.path)));
  return { host: h, skipped: r.skipped.length, applied: new Set(applied.map((x) => keys.get(x)!)) };
}

/** How many XML files the fast parser took (the rest went to the slow path), over all cases. */
export const parseStats = { xml: 0, fast: 0 };

export function runCase(files: FuzzFiles): { failures: Failure[]; ms: number; fixesTried: number; fixAllRounds: number } {
  const failures: Failure[] = [];
  const t0 = performance.now();
  let fixesTried = 0;
  let fixAllRounds = 1;
  slowest = 0;
  try {
    const host = hostFor(files);
    for (const [p, bytes] of host.files) {
      if (!p.endsWith('.xml')) continue;
      const dec = decodeBytes(bytes);
      if (!dec.ok) continue;
      const fast = scanXml(dec.file.text);
      parseStats.xml++;
      if (fast) parseStats.fast++;
      const slow = parseXmlSlow(dec.file);
      if (fast && !isDeepStrictEqual({ root: fast }, slow))
        failures.push({ property: 'parse', path: rel(p), detail: `the fast parser's tree differs from the slow path's (${slow.error ? `slow: ${slow.error.message}` : 'both parse'})` });
    }
    const findings = openAndCheck(host);
    for (const f of findings) {
      if (f.message.startsWith('ECA Lens rule ') && f.message.includes(' failed on this file'))
        failures.push({ property: 'crash', detail: `${rel(f.path)}: ${f.message}` });
    }
    // Safe fixes one by one.
    const singles: [Finding, Fix][] = [];
    for (const f of findings) for (const x of f.fixes) if (isSafe(x) && singles.length < MAX_SINGLE_FIXES) singles.push([f, x]);
    for (const [finding, fix] of singles) {
      fixesTried++;
      const h = host.clone();
      const r = applyFixes(h, [fix]);
      if (!r.applied.length) continue;
      const out = checkOutside(host, h, fix);
      if (out) failures.push({ property: 'outside', detail: out });
      if (r.changes.length === 0) continue; // nothing written (e.g. the encoding guard): nothing to re-check
      const after = openAndCheck(h);
      const moved = (fix.fileOps ?? []).find((o) => o.kind === 'rename' && o.path === finding.path);
      const p = moved && moved.kind === 'rename' ? moved.newPath : finding.path;
      const n0 = countOf(findings, finding.ruleId, finding.path);
      const n1 = countOf(after, finding.ruleId, p);
      if (n1 >= n0)
        failures.push({ property: 'recheck', path: rel(finding.path), detail: `${finding.ruleId} in ${rel(finding.path)} still there after "${fix.title}" (${n0} → ${n1}): ${finding.message}` });
    }
    // Fix-all twice equals fix-all once. A fix that overlaps an accepted one waits for the next run
    // (planFixes: two .forceignore lines appended at the same offset go in one per run), and a fix
    // may reveal another rule's finding (a cascade), so run fix-all to its fixed point: it must get
    // there within MAX_ROUNDS runs, and after a run that skipped nothing, the next run must not fix
    // the same rule in the same file again (that fix did not do its job).
    let cur = { host, skipped: 0, applied: new Set<string>() };
    for (let round = 1; ; round++) {
      const next = fixAll(cur.host, round === 1 ? findings : undefined);
      const diff = sameFiles(cur.host, next.host);
      if (!diff) break;
      const again = [...next.applied].filter((k) => cur.applied.has(k));
      if (round > 1 && cur.skipped === 0 && again.length)
        failures.push({ property: 'idempotent', path: again[0]!.slice(again[0]!.indexOf('@') + 1, again[0]!.indexOf(': ')), detail: `fix-all run ${round} fixed ${again.join('; ')} again, though run ${round - 1} skipped no fix` });
      if (round >= MAX_ROUNDS) {
        failures.push({ property: 'idempotent', detail: `fix-all still changes ${diff} after ${MAX_ROUNDS} runs` });
        break;
      }
      fixAllRounds = round + 1;
      cur = next;
    }
  } catch (e) {
    failures.push({ property: 'crash', detail: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
  const ms = performance.now() - t0;
  if (slowest > SLOW_MS) failures.push({ property: 'slow', detail: `one engine pass took ${slowest.toFixed(0)} ms (whole case ${ms.toFixed(0)} ms)` });
  return { failures, ms, fixesTried, fixAllRounds };
}
