/** "Open Subscriber Guide" and "Reinstall Beta Version" with fake ports. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ALL_APPS, guideName, NO_PACKAGED_APP, openGuide, type GuideDeps } from '../../../client/src/commands/openGuide';
import { COPY, reinstallBeta, RUN, TERMINAL_NAME, validateOrg, type ReinstallDeps } from '../../../client/src/commands/reinstallBeta';
import { REINSTALL_WARNING } from '../../../server/src/shared/reinstallBeta';
import type { GuideParams, GuideResult, PackageVersions } from '../../../server/src/shared/protocol';
import { FakeUi, ROOT } from './fixtures';

const FILE = `${ROOT}/force-app/main/default/externalClientApps/AcmeBilling.eca-meta.xml`;

function guideDeps(apps: string[], active: string | null = FILE) {
  const ui = new FakeUi();
  const asked: GuideParams[] = [];
  const shown: { name: string; markdown: string }[] = [];
  const deps: GuideDeps = {
    ui,
    activeUri: () => active ?? undefined,
    guide: async (p) => {
      asked.push(p);
      const chosen = p.app === undefined ? apps : apps.filter((a) => a === p.app);
      return { apps, markdown: chosen.length ? `# Post-install guide\n\n${chosen.map((a) => `## ${a}\n`).join('\n')}` : '', projectUri: ROOT } satisfies GuideResult;
    },
    show: async (name, markdown) => void shown.push({ name, markdown }),
  };
  return { ui, asked, shown, deps };
}

test('open guide: one packaged app: no question, the guide of the active file\'s project in the preview', async () => {
  const g = guideDeps(['AcmeBilling']);
  assert.equal(await openGuide(g.deps), 'Subscriber Guide.md');
  assert.deepEqual(g.asked, [{ uri: FILE }]);
  assert.deepEqual(g.shown, [{ name: 'Subscriber Guide.md', markdown: '# Post-install guide\n\n## AcmeBilling\n' }]);
  assert.deepEqual(g.ui.picks, []);
});

test('open guide: several apps: pick one (asked again for it) or all; cancel shows nothing', async () => {
  const g = guideDeps(['Billing', 'Reports'], null);
  g.ui.pickLabels = ['Reports'];
  assert.equal(await openGuide(g.deps), 'Subscriber Guide - Reports.md');
  assert.deepEqual(g.ui.picks, [[ALL_APPS, 'Billing', 'Reports']]);
  assert.deepEqual(g.asked, [{}, { app: 'Reports' }]);
  assert.match(g.shown[0]!.markdown, /## Reports/);
  assert.doesNotMatch(g.shown[0]!.markdown, /## Billing/);

  g.ui.pickLabels = [ALL_APPS];
  assert.equal(await openGuide(g.deps), 'Subscriber Guide.md');
  assert.match(g.shown[1]!.markdown, /## Billing\n\n## Reports/);

  g.ui.pickLabels = [undefined];
  assert.equal(await openGuide(g.deps), undefined);
  assert.equal(g.shown.length, 2);
  assert.equal(guideName('a/b'), 'Subscriber Guide - a_b.md');
});

test('open guide: no packaged app, or no server: a message, no preview', async () => {
  const g = guideDeps([]);
  assert.equal(await openGuide(g.deps), undefined);
  assert.deepEqual(g.ui.messages, [{ level: 'info', text: NO_PACKAGED_APP }]);
  const ui = new FakeUi();
  assert.equal(await openGuide({ ...g.deps, ui, guide: async () => undefined }), undefined);
  assert.equal(ui.messages[0]!.level, 'error');
  assert.equal(g.shown.length, 0);
});

const BILLING: PackageVersions = {
  name: 'AcmeBilling',
  path: 'force-app',
  versions: [
    { alias: 'AcmeBilling@1.3.0-2', id: '04t5g000000BBBBBBB' },
    { alias: 'AcmeBilling@1.2.0-1', id: '04t5g000000AAAAAAA' },
  ],
};
const UNINSTALL = 'sf package uninstall -p 04t5g000000AAAAAAA -o my-scratch --wait 15';
const INSTALL = 'sf package install -p 04t5g000000BBBBBBB -o my-scratch --wait 15 --no-prompt';

function reinstallDeps(pkgs: PackageVersions[] | undefined, answer: string | undefined) {
  const ui = new FakeUi();
  const log: string[] = [];
  const confirms: { message: string; detail: string; actions: string[] }[] = [];
  const deps: ReinstallDeps = {
    ui,
    activeUri: () => FILE,
    packages: async (p) => {
      log.push(`packages ${JSON.stringify(p)}`);
      return pkgs;
    },
    confirm: async (message, detail, ...actions) => {
      confirms.push({ message, detail, actions });
      return answer;
    },
    runInTerminal: (name, line) => void log.push(`terminal "${name}": ${line}`),
    copy: async (text) => void log.push(`copy: ${text}`),
  };
  return { ui, log, confirms, deps };
}

test('reinstall beta: one package: org asked (validated), the warning and both commands in a modal; Run sends them to a terminal', async () => {
  const r = reinstallDeps([BILLING], RUN);
  r.ui.inputs = ['my-scratch'];
  const out = await reinstallBeta(r.deps);
  assert.equal(out?.action, 'run');
  assert.equal(out?.line, `${UNINSTALL} && ${INSTALL}`);
  assert.deepEqual(r.log, [`packages ${JSON.stringify({ uri: FILE })}`, `terminal "${TERMINAL_NAME}": ${UNINSTALL} && ${INSTALL}`]);
  assert.deepEqual(r.ui.picks, []);
  const c = r.confirms[0]!;
  assert.deepEqual(c.actions, [RUN, COPY]);
  assert.match(c.message, /uninstall AcmeBilling@1\.2\.0-1, then install AcmeBilling@1\.3\.0-2/);
  assert.ok(c.detail.startsWith(REINSTALL_WARNING));
  assert.match(c.detail, /Lightning pages/);
  assert.ok(c.detail.endsWith(`${UNINSTALL}\n${INSTALL}`));
  const v = r.ui.prompts[0]!.validate!;
  assert.ok(v('') && v('   ') && v('my org'));
  assert.equal(v('my-scratch'), undefined);
  assert.equal(validateOrg('user@example.com'), undefined);
});

test('reinstall beta: Copy puts the line on the clipboard; Cancel (or Escape at any step) runs nothing', async () => {
  const copy = reinstallDeps([BILLING], COPY);
  copy.ui.inputs = ['my-scratch'];
  assert.equal((await reinstallBeta(copy.deps))?.action, 'copy');
  assert.deepEqual(copy.log.slice(1), [`copy: ${UNINSTALL} && ${INSTALL}`]);
  assert.match(copy.ui.messages[0]!.text, /copied/);

  const cancel = reinstallDeps([BILLING], undefined);
  cancel.ui.inputs = ['my-scratch'];
  assert.equal(await reinstallBeta(cancel.deps), undefined);
  assert.equal(cancel.log.length, 1);

  const noOrg = reinstallDeps([BILLING], RUN);
  noOrg.ui.inputs = [undefined];
  assert.equal(await reinstallBeta(noOrg.deps), undefined);
  assert.equal(noOrg.confirms.length, 0);
  assert.equal(noOrg.log.length, 1);
});

test('reinstall beta: several packages are picked; fewer than two versions: a message, no question', async () => {
  const one: PackageVersions = { name: 'Tools', path: 'tools', versions: [{ alias: 'Tools@0.1.0-1', id: '04t5g000000CCCCCCC' }] };
  const r = reinstallDeps([BILLING, one], RUN);
  r.ui.pickLabels = ['Tools'];
  assert.equal(await reinstallBeta(r.deps), undefined);
  assert.deepEqual(r.ui.picks, [['AcmeBilling', 'Tools']]);
  assert.match(r.ui.messages[0]!.text, /only one 04t version \(Tools@0\.1\.0-1\) of package "Tools".*needs two/);
  assert.equal(r.confirms.length, 0);
  assert.equal(r.log.length, 1);

  const none = reinstallDeps([{ ...one, versions: [] }], RUN);
  assert.equal(await reinstallBeta(none.deps), undefined);
  assert.match(none.ui.messages[0]!.text, /no 04t version of package "Tools"/);

  const noPkg = reinstallDeps([], RUN);
  assert.equal(await reinstallBeta(noPkg.deps), undefined);
  assert.match(noPkg.ui.messages[0]!.text, /no package/);

  const down = reinstallDeps(undefined, RUN);
  assert.equal(await reinstallBeta(down.deps), undefined);
  assert.equal(down.ui.messages[0]!.level, 'error');
});

test('reinstall beta: an org with shell characters is quoted', async () => {
  const r = reinstallDeps([BILLING], COPY);
  r.ui.inputs = ["o'brien"];
  const out = await reinstallBeta(r.deps);
  assert.match(out!.line, /-o 'o'\\''brien' --wait 15 &&/);
});
