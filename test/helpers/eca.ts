/**
 * Small helpers for rule tests on top of fixture.ts: ECA paths, XML with the root name marked,
 * "exactly one finding", "still parses", and cleanup.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fixture, offsetsOf, header, globalSettings, oauthPolicies, pluginPolicies, type Fixture } from './fixture';
import type { EngineOptions, Finding, Fix } from '../../server/src/engine';
import { parseXml } from '../../server/src/metadata/parse';
import { textFromString } from '../../server/src/util/text';

export const NS = 'http://soap.sforce.com/2006/04/metadata';
export const DECL = '<?xml version="1.0" encoding="UTF-8"?>\n';

const D = 'force-app/main/default';
/** Conventional paths of the app "Billing" in the packaged directory `force-app`. */
export const P = {
  header: `${D}/externalClientApps/Billing.eca-meta.xml`,
  oauth: `${D}/extlClntAppOauthSettings/Billing_oauth.ecaOauth-meta.xml`,
  global: `${D}/extlClntAppGlobalOauthSets/Billing_glbloauth.ecaGlblOauth-meta.xml`,
  oauthPolicy: `${D}/extlClntAppOauthPolicies/Billing_oauthPlcy.ecaOauthPlcy-meta.xml`,
  policy: `${D}/extlClntAppPolicies/Billing_plcy.ecaPlcy-meta.xml`,
};

/** `<?xml?>` + `<Root xmlns>` with the root's name marked ⟦⟧ (file-level findings point there). */
export function markedRoot(root: string, body: string, eol = '\n'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>${eol}<⟦${root}⟧ xmlns="${NS}">${eol}${body}</${root}>${eol}`;
}

export function only(findings: Finding[]): Finding {
  assert.equal(findings.length, 1, `expected exactly one finding, got ${JSON.stringify(findings.map((f) => f.message))}`);
  return findings[0]!;
}

/** The finding's range as offsets in the file on disk (BOM excluded, as the engine counts). */
export function rangeIn(fx: Fixture, rel: string, f: Finding): { start: number; end: number } {
  return offsetsOf(f, fx.read(rel));
}

/** The ⟦⟧-marked span of `rel` as the engine counts offsets (a leading BOM excluded). */
export function markedSpan(fx: Fixture, rel: string): { start: number; end: number } {
  const mark = fx.marks[rel];
  assert.ok(mark, `no ⟦⟧ mark in ${rel}`);
  // Marks are counted in the written string, which may start with a BOM the engine does not count.
  const bom = fx.read(rel).charCodeAt(0) === 0xfeff ? 1 : 0;
  return { start: mark.start - bom, end: mark.end - bom };
}

/** Assert the finding covers exactly the marked span of `rel`. */
export function assertAtMark(fx: Fixture, rel: string, f: Finding): void {
  assert.deepEqual(rangeIn(fx, rel, f), markedSpan(fx, rel));
}

/** A packaged app "Billing": header plus global settings, OAuth policies and plugin policies. */
export const BILLING_APP_FILES: Readonly<Record<string, string>> = {
  [P.header]: header('    <contactEmail>a@b.co</contactEmail>\n    <distributionState>Packaged</distributionState>\n    <label>Billing</label>\n'),
  [P.global]: globalSettings('    <externalClientApplication>Billing</externalClientApplication>\n'),
  [P.oauthPolicy]: oauthPolicies('    <externalClientApplication>Billing</externalClientApplication>\n'),
  [P.policy]: pluginPolicies('    <externalClientApplication>Billing</externalClientApplication>\n    <isEnabled>true</isEnabled>\n'),
};

export function assertParses(text: string): void {
  const p = parseXml(textFromString(text));
  assert.equal(p.error, undefined, `does not parse: ${p.error?.message}\n${text}`);
  assert.ok(p.root);
}

export function preferred(f: Finding): Fix {
  const fixes = f.fixes.filter((x) => x.preferred);
  assert.equal(fixes.length, 1, `expected one preferred fix, got ${JSON.stringify(f.fixes.map((x) => x.title))}`);
  return fixes[0]!;
}

export function fixTitled(f: Finding, re: RegExp): Fix {
  const fix = f.fixes.find((x) => re.test(x.title));
  assert.ok(fix, `no fix matching ${re}; fixes: ${JSON.stringify(f.fixes.map((x) => x.title))}`);
  return fix;
}

/** Run `body` on a fixture and always clean up. */
export function withFixture(files: Record<string, string | Uint8Array | null>, body: (fx: Fixture) => void, options: EngineOptions = {}): void {
  const fx = fixture(files, options);
  try {
    body(fx);
  } finally {
    fx.cleanup();
  }
}

/** A throwaway home folder (for the offline Dev Hub lookup); removed by the returned function. */
export function fakeHome(files: Record<string, string>): { home: string; cleanup: () => void } {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'eca-lens-home-'));
  for (const [rel, text] of Object.entries(files)) {
    const p = path.join(home, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, text);
  }
  return { home, cleanup: () => fs.rmSync(home, { recursive: true, force: true }) };
}

/** An empty home and environment: no Dev Hub can be found, whatever the machine has. */
export function noDevHub(): { options: EngineOptions; cleanup: () => void } {
  const h = fakeHome({});
  return { options: { devHubEnv: { env: {}, home: h.home } }, cleanup: h.cleanup };
}

/** Apply `fix`: the file must become `expected` exactly, still parse, and re-check clean for `ruleId`. */
export function assertFixedTo(fx: Fixture, rel: string, ruleId: string, fix: Fix, expected: string): void {
  fx.apply(fix);
  const after = fx.read(rel);
  assert.equal(after, expected);
  assertParses(after);
  assert.equal(fx.findings(rel, ruleId).length, 0);
}
