/**
 * Test fixtures: build a throwaway sfdx project on disk, check it, apply fixes, re-check.
 * Marked text: `⟦` and `⟧` mark the range a finding must cover (removed from the written file).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { openProject, type EcaProject, type EngineOptions, type Finding, type Fix } from '../../server/src/engine';
import { nodeFsHost } from '../../server/src/project/fsHost';
import { applyFixes } from '../../server/src/edits/applyFixes';
import { TextFile } from '../../server/src/util/text';

export const PACKAGED_PROJECT = JSON.stringify(
  { packageDirectories: [{ path: 'force-app', default: true, package: 'Billing', versionNumber: '1.0.0.NEXT' }], namespace: 'bill', sourceApiVersion: '64.0', packageAliases: { Billing: '0Ho000000000001AAA' } },
  null,
  2,
);
export const PLAIN_PROJECT = JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true }], sourceApiVersion: '64.0' }, null, 2);

export interface Marks {
  [file: string]: { start: number; end: number };
}

/** Strip ⟦ ⟧ marks; returns the clean text and the marked span (UTF-16 offsets). */
export function unmark(text: string): { text: string; span?: { start: number; end: number } } {
  const a = text.indexOf('⟦');
  const b = text.indexOf('⟧');
  if (a < 0 || b < 0) return { text };
  return { text: text.slice(0, a) + text.slice(a + 1, b) + text.slice(b + 1), span: { start: a, end: b - 1 } };
}

export interface Fixture {
  root: string;
  marks: Marks;
  project: EcaProject;
  check(options?: EngineOptions): Map<string, Finding[]>;
  findings(rel: string, ruleId?: string): Finding[];
  read(rel: string): string;
  abs(rel: string): string;
  /** Apply one fix to disk and re-index. */
  apply(fix: Fix): void;
  cleanup(): void;
}

/**
 * Write a project. Values: text (⟦⟧ marks allowed), Buffer (bytes as is), or null (a folder).
 * `sfdx-project.json` defaults to a packaged one unless given.
 */
export function fixture(files: Record<string, string | Uint8Array | null>, options: EngineOptions = {}): Fixture {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'eca-lens-'));
  const marks: Marks = {};
  const all = { 'sfdx-project.json': PACKAGED_PROJECT, ...files };
  for (const [rel, content] of Object.entries(all)) {
    const p = path.join(root, rel);
    if (content === null) {
      fs.mkdirSync(p, { recursive: true });
      continue;
    }
    fs.mkdirSync(path.dirname(p), { recursive: true });
    if (typeof content === 'string') {
      const u = unmark(content);
      if (u.span) marks[rel] = u.span;
      fs.writeFileSync(p, u.text);
    } else fs.writeFileSync(p, content);
  }
  let opts = options;
  const f: Fixture = {
    root,
    marks,
    project: openProject(root, nodeFsHost, opts),
    check(o?: EngineOptions) {
      if (o) opts = o;
      f.project = openProject(root, nodeFsHost, opts);
      return f.project.checkAll();
    },
    findings(rel, ruleId) {
      const all = f.project.check(path.join(root, rel));
      return ruleId ? all.filter((x) => x.ruleId === ruleId) : all;
    },
    read(rel) {
      return fs.readFileSync(path.join(root, rel), 'utf8');
    },
    abs(rel) {
      return path.join(root, rel);
    },
    apply(fix) {
      const r = applyFixes(nodeFsHost, [fix]);
      if (!r.applied.length) throw new Error(`fix "${fix.title}" was not applied`);
      f.project = openProject(root, nodeFsHost, opts);
    },
    cleanup() {
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
  return f;
}

/** A scratch folder that is not itself a project (a workspace of several, a repository): `put` writes a file and its folders. */
export function scratch(prefix: string): { root: string; put(rel: string, text: string): void; cleanup(): void } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return {
    root,
    put(rel, text) {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), text);
    },
    cleanup: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}

/** The range of a finding as offsets in the file's text. */
export function offsetsOf(finding: Finding, text: string): { start: number; end: number } {
  const t = new TextFile(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  return { start: t.offsetAt(finding.range.start), end: t.offsetAt(finding.range.end) };
}

export const xml = (root: string, body: string, decl = true) =>
  `${decl ? '<?xml version="1.0" encoding="UTF-8"?>\n' : ''}<${root} xmlns="http://soap.sforce.com/2006/04/metadata">\n${body}</${root}>\n`;

export const header = (body: string) => xml('ExternalClientApplication', body);
export const oauthSettings = (body: string) => xml('ExtlClntAppOauthSettings', body);
export const globalSettings = (body: string) => xml('ExtlClntAppGlobalOauthSettings', body);
export const oauthPolicies = (body: string) => xml('ExtlClntAppOauthConfigurablePolicies', body);
export const pluginPolicies = (body: string) => xml('ExtlClntAppConfigurablePolicies', body);
