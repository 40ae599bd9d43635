/** The "Security posture" group of the External Client Apps tree (inventoryModel.ts) and "Open Integration Report". */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { buildInventoryTree, postureSettingNodes, type InventoryNode } from '../../../client/src/views/inventoryModel';
import { openReport, projectUriOf } from '../../../client/src/commands/openReport';
import type { AppPostureView, PostureSettingView } from '../../../server/src/shared/protocol';
import { acmeInventory, FakeUi, finding, rng, ROOT } from './fixtures';

const D = 'force-app/main/default';
const PLCY = `${ROOT}/${D}/extlClntAppOauthPolicies/AcmeBilling_oauthPlcy.ecaOauthPlcy-meta.xml`;

function s(id: PostureSettingView['id'], label: string, state: string, status: PostureSettingView['status'], extra: Partial<PostureSettingView> = {}): PostureSettingView {
  return { id, label, state, status, explanation: `${label} explained.`, findings: [], ...extra };
}

function withPosture() {
  const inv = acmeInventory();
  const billing = inv.projects[0]!.apps.find((a) => a.name === 'AcmeBilling')!;
  const posture: AppPostureView = {
    kind: 'eca',
    settings: [
      s('distributionState', 'Distribution state', 'Local', 'finding', { findings: [finding(`${D}/externalClientApps/AcmeBilling.eca-meta.xml`, 'distribution-state-not-packaged', 'error', 'Local. More.', 4)] }),
      s('ipRelaxation', 'IP relaxation', 'Enforce', 'ok', { location: { uri: PLCY, range: rng(5, 28) } }),
      s('sessionLevel', 'Session level', 'not in the project', 'unknown'),
      s('scopes', 'Scopes', 'Full', 'finding', { findings: [finding(`${D}/extlClntAppOauthSettings/AcmeBilling_oauth.ecaOauth-meta.xml`, 'scope-full', 'warning', 'Full scope.', 2)] }),
    ],
  };
  // What the inventory carries: the counts (the rows come from ecaLens/appPosture on expand).
  billing.posture = { kind: 'eca', settings: 4, findings: 2, unknown: 1 };
  return { inv, view: posture };
}

/** The group's rows as the tree gets them when it is expanded. */
function expanded(): InventoryNode[] {
  const { inv, view } = withPosture();
  const g = group(buildInventoryTree(inv), 'AcmeBilling')!;
  assert.equal(g.kind, 'posture');
  if (g.kind !== 'posture') return [];
  return postureSettingNodes(g.project, g.app, view);
}

function group(nodes: InventoryNode[], app: string): InventoryNode | undefined {
  const appNode = nodes[0]!.children.find((c) => c.row.label === app)!;
  return appNode.children.find((c) => c.kind === 'posture');
}

test('posture group: under the app after its files, before its hazards; collapsed; counts findings and unknowns', () => {
  const tree = buildInventoryTree(withPosture().inv);
  const billing = tree[0]!.children.find((c) => c.row.label === 'AcmeBilling')!;
  const kinds = billing.children.map((c) => c.kind);
  const at = kinds.indexOf('posture');
  assert.ok(at > kinds.lastIndexOf('file') && at < kinds.indexOf('hazard'), kinds.join(','));
  const g = group(tree, 'AcmeBilling')!;
  assert.equal(g.row.label, 'Security posture');
  assert.equal(g.row.description, '2 findings · 1 not in the project');
  assert.equal(g.row.collapsible, 'collapsed');
  assert.equal(g.row.icon?.id, 'shield');
  assert.deepEqual(g.children, [], 'the rows are asked for when the group is expanded');
  // An app without posture data (an older server) has no group.
  assert.equal(group(tree, 'AcmeReports'), undefined);
});

test('posture rows: label, state as description, ok / warning / unknown icon, the finding opens on click', () => {
  const rows = expanded();
  assert.deepEqual(
    rows.map((r) => [r.row.label, r.row.description, r.row.icon?.id]),
    [
      ['Distribution state', 'Local · distribution-state-not-packaged', 'error'],
      ['IP relaxation', 'Enforce', 'pass'],
      ['Session level', 'not in the project', 'circle-large-outline'],
      ['Scopes', 'Full · scope-full', 'warning'],
    ],
  );
  // A row with a finding opens the file at the finding; an ok row at the setting; an unknown row nowhere.
  assert.deepEqual(rows[0]!.row.open, { uri: `${ROOT}/${D}/externalClientApps/AcmeBilling.eca-meta.xml`, range: rng(4, 1) });
  assert.deepEqual(rows[1]!.row.open, { uri: PLCY, range: rng(5, 28) });
  assert.equal(rows[2]!.row.open, undefined);
  // The tooltip explains the setting and the finding.
  assert.match(rows[3]!.row.tooltip!, /^\*\*Scopes\*\*: Full\n\nScopes explained\.\n\n- warning: Full scope\. \(scope-full\)$/);
  // Ids are unique and stable.
  assert.equal(new Set(rows.map((r) => r.row.id)).size, rows.length);
  assert.ok(rows.every((r) => r.kind === 'postureSetting'));
});

test('Open Integration Report: asks the server (for the node\'s project) and shows the Markdown; warns without a server', async () => {
  const ui = new FakeUi();
  const asked: unknown[] = [];
  const shown: string[] = [];
  const deps = {
    ui,
    report: async (p: { uri?: string }) => (asked.push(p), { markdown: '## ECA Lens integration report\n' }),
    show: async (m: string) => void shown.push(m),
  };
  const tree = buildInventoryTree(withPosture().inv);
  const node = group(tree, 'AcmeBilling');
  assert.equal(projectUriOf(node), ROOT);
  assert.equal(await openReport(deps, node), '## ECA Lens integration report\n');
  assert.deepEqual(asked, [{ uri: ROOT }]);
  assert.deepEqual(shown, ['## ECA Lens integration report\n']);
  await openReport(deps);
  assert.deepEqual(asked[1], {});
  const none = await openReport({ ...deps, report: async () => undefined });
  assert.equal(none, undefined);
  assert.match(ui.messages.at(-1)!.text, /not available/);
});
