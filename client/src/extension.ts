/**
 * The VS Code face of ECA Lens, activation only: the views, the status bar item, the language
 * client (languageClient.ts) and the commands (commands/register/). The views' models and the
 * commands' flows are plain TypeScript under views/ and commands/.
 */
import * as vscode from 'vscode';
import { Methods, type AppPostureParams, type AppPostureView, type ChecklistResult, type InventoryResult, type StatusParams } from '../../server/src/shared/protocol';
import { registerCommands } from './commands/register';
import { vscodeUi } from './adapters';
import { EcaLensServer, type ClientState } from './languageClient';
import { Coalescer, RefreshWhenShown } from './refresh';
import { isEcaLensPath } from './selector';
import { statusView } from './status';
import { ChecklistTree } from './views/checklistTree';
import { InventoryTree } from './views/inventoryTree';
import { isEmptyInventory } from './views/inventoryModel';

let server: EcaLensServer | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const inventoryTree = new InventoryTree();
  const checklistTree = new ChecklistTree();
  const statusItem = vscode.window.createStatusBarItem('ecaLens.status', vscode.StatusBarAlignment.Left, 10);
  statusItem.name = 'ECA Lens';
  statusItem.command = 'workbench.view.extension.ecaLens';
  context.subscriptions.push(inventoryTree, checklistTree, statusItem);

  let lastStatus: StatusParams | undefined;
  let clientState: ClientState = 'starting';
  const renderStatus = () => {
    const v = statusView(lastStatus, clientState);
    statusItem.text = v.text;
    statusItem.tooltip = v.tooltip;
    statusItem.backgroundColor =
      v.tone === 'error' ? new vscode.ThemeColor('statusBarItem.errorBackground') : v.tone === 'warning' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    statusItem.show();
  };
  renderStatus();

  const config = () => vscode.workspace.getConfiguration('ecaLens');
  await vscode.commands.executeCommand('setContext', 'ecaLens.enabled', config().get<boolean>('enable', true));
  void setProjectContext();
  context.subscriptions.push(vscode.workspace.onDidChangeWorkspaceFolders(() => void setProjectContext()));

  const refresher = new Coalescer(async () => {
    const [inv, checklist] = await Promise.all([s.request<InventoryResult>(Methods.inventory), s.request<ChecklistResult>(Methods.checklist)]);
    if (inv) {
      inventoryTree.show(inv);
      await vscode.commands.executeCommand('setContext', 'ecaLens.hasApps', !isEmptyInventory(inv));
    }
    if (checklist) checklistTree.show(checklist);
    if (inv || checklist) await vscode.commands.executeCommand('setContext', 'ecaLens.inventoryLoaded', true);
  });
  const refresh = () => refresher.trigger();
  const onScreen = new RefreshWhenShown(() => inventoryTree.view.visible || checklistTree.view.visible, refresh);
  for (const tree of [inventoryTree, checklistTree]) context.subscriptions.push(tree.view.onDidChangeVisibility(() => onScreen.visibilityChanged()));

  const s = new EcaLensServer(context, {
    onState: (state) => {
      clientState = state;
      renderStatus();
      if (state === 'disabled') {
        // Nothing stale stays on screen: the views show their "turned off" welcome.
        inventoryTree.show({ projects: [] });
        checklistTree.show({ apps: [] });
        inventoryTree.setHazards(0);
      }
    },
    onStatus: (status) => {
      lastStatus = status;
      renderStatus();
      if (status?.state === 'ready') inventoryTree.setHazards(status.errors + status.warnings);
    },
    onInventoryChanged: () => onScreen.request(),
  });
  server = s;
  inventoryTree.setPostureSource((projectUri, app) => s.request<AppPostureView | null>(Methods.appPosture, { projectUri, app } satisfies AppPostureParams));

  // The server says when files, apps or inclusion change (ecaLens/inventoryChanged); the findings
  // the views show also change with the diagnostics it publishes: refresh on those too (while a
  // view is on screen; else when one is shown next).
  context.subscriptions.push(
    vscode.languages.onDidChangeDiagnostics((e) => {
      if (s.isRunning() && e.uris.some((u) => u.scheme === 'file' && isEcaLensPath(u.path))) onScreen.request();
    }),
  );

  registerCommands({ ext: context, ui: vscodeUi, server: s, inventoryTree, checklistTree, refresh });

  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (!e.affectsConfiguration('ecaLens.enable')) return;
      if (config().get<boolean>('enable', true)) await s.start();
      else await s.stop();
    }),
  );

  if (config().get<boolean>('enable', true)) await s.start();
  else await s.stop();
}

export async function deactivate(): Promise<void> {
  const s = server;
  server = undefined;
  await s?.dispose();
}

/** `ecaLens.projectOpened`: the workspace holds an sfdx project (gates the views and commands). */
async function setProjectContext(): Promise<void> {
  const found = await vscode.workspace.findFiles('**/sfdx-project.json', '**/node_modules/**', 1);
  await vscode.commands.executeCommand('setContext', 'ecaLens.projectOpened', found.length > 0);
}
