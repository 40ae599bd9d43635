/**
 * The VS Code face of ECA Lens: starts the bundled language server over IPC, shows the inventory
 * and checklist views, the status bar item, and registers the commands. Wiring only: the views'
 * models and the commands' flows are plain TypeScript under views/ and commands/.
 */
import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import {
  ClientCommands,
  Methods,
  ServerCommands,
  type ChecklistResult,
  type DevHubOrgIdParams,
  type DevHubOrgIdResult,
  type FindingSummary,
  type InitializationOptions,
  type InventoryResult,
  type StatusParams,
} from '../../server/src/protocol';
import { dirtySnapshot, saveDirtySince, toRange, vscodeUi } from './adapters';
import { actionsFor, autoChoice, fixLoop } from './commands/applyFix';
import { filledEdits, isInsertArgs, normalizeOrgId, offerToRemember, resolveDevHubOrgId, type DevHubDeps } from './commands/devHubOrgId';
import { fixAll } from './commands/fixAll';
import { newApp } from './commands/newApp';
import { retrieveCommand } from './commands/retrieveCommand';
import { disableRule, showRuleDocs } from './commands/ruleDocs';
import { Coalescer } from './refresh';
import { documentSelector, isEcaLensPath, watcherGlobs } from './selector';
import { statusView } from './status';
import { ChecklistTree } from './views/checklistTree';
import type { ChecklistNode } from './views/checklistModel';
import { InventoryTree } from './views/inventoryTree';
import { isEmptyInventory, type InventoryNode } from './views/inventoryModel';

type ClientState = 'starting' | 'running' | 'stopped' | 'disabled';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const ui = vscodeUi;
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

  await vscode.commands.executeCommand('setContext', 'ecaLens.enabled', vscode.workspace.getConfiguration('ecaLens').get<boolean>('enable', true));
  void setProjectContext();
  context.subscriptions.push(
    vscode.workspace.onDidChangeWorkspaceFolders(() => void setProjectContext()),
  );

  const request = async <R>(method: string, params?: unknown): Promise<R | undefined> => {
    if (!client || !client.isRunning()) return undefined;
    return client.sendRequest<R>(method, params ?? {});
  };

  const refresher = new Coalescer(async () => {
    const [inv, checklist] = await Promise.all([request<InventoryResult>(Methods.inventory), request<ChecklistResult>(Methods.checklist)]);
    if (inv) {
      inventoryTree.show(inv);
      await vscode.commands.executeCommand('setContext', 'ecaLens.hasApps', !isEmptyInventory(inv));
    }
    if (checklist) checklistTree.show(checklist);
    if (inv || checklist) await vscode.commands.executeCommand('setContext', 'ecaLens.inventoryLoaded', true);
  });
  const refresh = () => refresher.trigger();
  // The server says when files, apps or inclusion change (ecaLens/inventoryChanged); the findings
  // the views show also change with the diagnostics it publishes: refresh on those too.
  context.subscriptions.push(
    vscode.languages.onDidChangeDiagnostics((e) => {
      if (client?.isRunning() && e.uris.some((u) => u.scheme === 'file' && isEcaLensPath(u.path))) void refresh();
    }),
  );

  const devHubDeps: DevHubDeps = {
    ui,
    setting: () => vscode.workspace.getConfiguration('ecaLens').get<string>('devHubOrgId', ''),
    lookup: (uri) => request<DevHubOrgIdResult>(Methods.devHubOrgId, (uri ? { uri } : {}) satisfies DevHubOrgIdParams),
    saveSetting: async (orgId) => {
      const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
      await vscode.workspace.getConfiguration('ecaLens').update('devHubOrgId', orgId, target);
    },
  };

  /** Ask the editor (so the server) for the finding's quick fixes and apply the right one. */
  const fixFinding = async (f: FindingSummary, interactive: boolean): Promise<boolean> => {
    const uri = vscode.Uri.parse(f.uri);
    // The editor only asks providers about loaded documents: load it (no editor opens).
    try {
      await vscode.workspace.openTextDocument(uri);
    } catch {
      if (interactive) void ui.warn(`ECA Lens: ${uri.fsPath} can't be opened any more; refresh the view.`);
      return false;
    }
    const actions = (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider',
      uri,
      toRange(f.range),
      vscode.CodeActionKind.QuickFix.value,
      10,
    )) ?? [];
    const codeActions = actions.filter((a): a is vscode.CodeAction => typeof (a as vscode.Command).command !== 'string');
    const candidates = actionsFor(codeActions, f);
    if (!candidates.length) {
      client?.outputChannel.info(
        `No fix for ${f.code} at ${f.uri}:${f.range.start.line + 1}; code actions there: ` +
          (codeActions.map((a) => `${a.title} [${(a.diagnostics ?? []).map((d) => JSON.stringify(d.code)).join(',')}]`).join('; ') || 'none'),
      );
    }
    let chosen = interactive ? autoChoice(candidates) : candidates.find((a) => a.isPreferred);
    if (!chosen && interactive && candidates.length) {
      chosen = await ui.pick(candidates.map((a) => ({ label: a.title, value: a })), { title: 'Apply a fix', placeHolder: f.message });
    }
    if (!chosen) {
      if (interactive) void ui.info(candidates.length ? 'No fix applied.' : `No automatic fix for ${f.code}. See the rule's documentation.`);
      return false;
    }
    if (chosen.edit && !(await vscode.workspace.applyEdit(chosen.edit))) return false;
    if (chosen.command) await vscode.commands.executeCommand(chosen.command.command, ...(chosen.command.arguments ?? []));
    return true;
  };

  type AnyNode = InventoryNode | ChecklistNode;
  const asNode = (node: unknown): AnyNode | undefined =>
    node && typeof node === 'object' && 'kind' in node && 'row' in node ? (node as AnyNode) : undefined;

  const findingOf = (node: unknown): FindingSummary | undefined => {
    const n = asNode(node);
    if (n?.kind === 'hazard') return n.finding;
    if (n?.kind === 'checklistItem') return n.item.finding;
    return undefined;
  };

  const appOf = async (node: unknown) => {
    const n = asNode(node);
    await refresh();
    const inv = inventoryTree.result;
    const apps = inv?.projects.flatMap((p) => p.apps.map((a) => ({ project: p, app: a }))) ?? [];
    if (n?.kind === 'app') return apps.find((x) => x.project.uri === n.project.uri && x.app.name === n.app.name) ?? { project: n.project, app: n.app };
    if (n?.kind === 'checklistApp') return apps.find((x) => x.project.uri === n.app.projectUri && x.app.name === n.app.app);
    if (apps.length === 1) return apps[0];
    return ui.pick(apps.map((x) => ({ label: x.app.name, description: `${x.app.packageDirectory ?? ''}${inv!.projects.length > 1 ? ` · ${x.project.name}` : ''}`, value: x })), {
      title: 'Copy retrieve command',
      placeHolder: 'External Client App',
    });
  };

  const cmd = (id: string, fn: (...args: unknown[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, fn));

  cmd('ecaLens.refresh', () => refresh());

  cmd('ecaLens.fixAll', async () => {
    if (!client?.isRunning()) return void ui.warn('The ECA Lens server is not running.');
    const before = dirtySnapshot();
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'ECA Lens: fixing hazards…' }, () =>
      fixAll({
        ui,
        runServerFixAll: () => client!.sendRequest('workspace/executeCommand', { command: ServerCommands.fixAll, arguments: [] }),
        saveChanged: () => saveDirtySince(before),
        checklist: async () => {
          await refresh();
          return request<ChecklistResult>(Methods.checklist);
        },
      }),
    );
    await refresh();
  });

  cmd('ecaLens.applyFix', async (node) => {
    const f = findingOf(node);
    if (!f) return;
    const before = dirtySnapshot();
    if (await fixFinding(f, true)) await saveDirtySince(before);
  });

  cmd('ecaLens.fixApp', async (node) => {
    const n = asNode(node);
    if (n?.kind !== 'app') return;
    const projectUri = n.project.uri;
    const name = n.app.name;
    const before = dirtySnapshot();
    const { applied, remaining } = await fixLoop({
      findings: async () => {
        const inv = await request<InventoryResult>(Methods.inventory);
        return inv?.projects.find((p) => p.uri === projectUri)?.apps.find((a) => a.name === name)?.findings ?? [];
      },
      applyPreferred: (f) => fixFinding(f, false),
    });
    await saveDirtySince(before);
    await refresh();
    const left = remaining.filter((f) => f.severity === 'error' || f.severity === 'warning').length;
    void ui.info(`ECA Lens: ${applied} fix${applied === 1 ? '' : 'es'} applied to ${name}${left ? `; ${left} hazard${left === 1 ? '' : 's'} left need your input` : ''}.`);
  });

  cmd('ecaLens.revealFinding', async (uri, range) => {
    if (typeof uri !== 'string' || !range) return;
    const r = toRange(range as FindingSummary['range']);
    const editor = await vscode.window.showTextDocument(vscode.Uri.parse(uri), { preview: true });
    editor.selection = new vscode.Selection(r.end, r.start);
    editor.revealRange(r, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    await vscode.commands.executeCommand('editor.action.showHover');
  });

  cmd('ecaLens.openForceIgnoreLine', async (node) => {
    const n = asNode(node);
    const by = n?.kind === 'file' ? n.file.excludedBy : undefined;
    if (!by || !('uri' in by)) return;
    const editor = await vscode.window.showTextDocument(vscode.Uri.parse(by.uri), { preview: true });
    const line = Math.min(by.line, editor.document.lineCount - 1);
    editor.selection = new vscode.Selection(line, 0, line, editor.document.lineAt(line).text.length);
    editor.revealRange(editor.selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  });

  cmd('ecaLens.newApp', async (node) => {
    const n = asNode(node);
    await newApp(
      {
        ui,
        inventory: async () => {
          await refresh();
          return inventoryTree.result;
        },
        devHubOrgId: async (projectUri) => {
          const s = normalizeOrgId(devHubDeps.setting());
          if (s) return s;
          const r = await devHubDeps.lookup(projectUri).catch(() => undefined);
          return r?.orgId ? normalizeOrgId(r.orgId) : undefined;
        },
        exists: async (projectUri, rel) => {
          try {
            await vscode.workspace.fs.stat(vscode.Uri.joinPath(vscode.Uri.parse(projectUri), rel));
            return true;
          } catch {
            return false;
          }
        },
        read: async (projectUri, rel) => {
          const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(vscode.Uri.parse(projectUri), rel));
          return doc.getText();
        },
        create: async (projectUri, rel, text) => {
          await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(vscode.Uri.parse(projectUri), rel), new TextEncoder().encode(text));
        },
        append: async (projectUri, rel, text) => {
          const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(vscode.Uri.parse(projectUri), rel));
          const edit = new vscode.WorkspaceEdit();
          edit.insert(doc.uri, doc.lineAt(doc.lineCount - 1).range.end, text);
          if (await vscode.workspace.applyEdit(edit)) await doc.save();
        },
        open: async (projectUri, rel) => {
          await vscode.window.showTextDocument(vscode.Uri.joinPath(vscode.Uri.parse(projectUri), rel));
        },
      },
      n?.kind === 'packageDirectory' ? { projectUri: n.project.uri, packageDirectory: n.path ?? undefined } : {},
    );
  });

  cmd(ClientCommands.insertDevHubOrgId, async (args) => {
    const editor = vscode.window.activeTextEditor;
    const uri = isInsertArgs(args) ? args.uri : editor?.document.uri.toString();
    const answer = await resolveDevHubOrgId(devHubDeps, uri);
    if (!answer) return;
    if (answer.source === 'entered') void offerToRemember(devHubDeps, answer.orgId);
    if (isInsertArgs(args)) {
      const edit = new vscode.WorkspaceEdit();
      for (const e of filledEdits(args, answer.orgId)) edit.replace(vscode.Uri.parse(args.uri), toRange(e.range), e.newText);
      await vscode.workspace.applyEdit(edit);
      return;
    }
    if (editor) {
      await editor.edit((b) => editor.selections.forEach((s) => b.replace(s, answer.orgId)));
      return;
    }
    await vscode.env.clipboard.writeText(answer.orgId);
    void ui.info(`Dev Hub org id ${answer.orgId} (${answer.source}) copied to the clipboard.`);
  });

  cmd('ecaLens.copyRetrieveCommand', async (node) => {
    const picked = await appOf(node);
    if (!picked) return;
    const line = retrieveCommand(picked.app);
    await vscode.env.clipboard.writeText(line);
    void ui.info(`Copied: ${line}`);
  });

  cmd('ecaLens.showRuleDocs', (arg) => showRuleDocs({ ui, openExternal: async (url) => void (await vscode.env.openExternal(vscode.Uri.parse(url))) }, arg));

  cmd(ClientCommands.disableRule, (arg) =>
    disableRule(
      {
        ui,
        current: () => ({ ...(vscode.workspace.getConfiguration('ecaLens').inspect<Record<string, string>>('rules')?.globalValue ?? {}) }),
        save: (rules) => Promise.resolve(vscode.workspace.getConfiguration('ecaLens').update('rules', rules, vscode.ConfigurationTarget.Global)),
      },
      arg,
    ),
  );

  cmd('ecaLens.showOutput', () => client?.outputChannel.show(true));

  cmd('ecaLens.restartServer', async () => {
    if (client) await client.restart();
    else await startClient();
  });

  async function startClient(): Promise<void> {
    if (client) return;
    await vscode.commands.executeCommand('setContext', 'ecaLens.enabled', true);
    clientState = 'starting';
    lastStatus = undefined;
    renderStatus();
    const serverModule = context.asAbsolutePath('server/out/server.js');
    const serverOptions: ServerOptions = {
      run: { module: serverModule, transport: TransportKind.ipc },
      debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
    };
    const watchers = watcherGlobs().map((g) => vscode.workspace.createFileSystemWatcher(g));
    const clientOptions: LanguageClientOptions = {
      documentSelector: documentSelector(),
      synchronize: { configurationSection: 'ecaLens', fileEvents: watchers },
      initializationOptions: {
        clientCommands: [ClientCommands.insertDevHubOrgId, ClientCommands.disableRule],
        settings: vscode.workspace.getConfiguration().get('ecaLens'),
      } satisfies InitializationOptions,
      diagnosticCollectionName: 'ecaLens',
    };
    const c = new LanguageClient('ecaLens', 'ECA Lens', serverOptions, clientOptions);
    client = c;
    c.onDidChangeState((e) => {
      clientState = e.newState === State.Running ? 'running' : e.newState === State.Starting ? 'starting' : 'stopped';
      renderStatus();
    });
    c.onNotification(Methods.inventoryChanged, () => void refresh());
    c.onNotification(Methods.status, (s: StatusParams) => {
      const becameReady = s.state === 'ready' && lastStatus?.state !== 'ready';
      lastStatus = s;
      renderStatus();
      if (s.state === 'ready') inventoryTree.setHazards(s.errors + s.warnings);
      if (becameReady) void refresh();
    });
    try {
      await c.start();
      clientState = 'running';
      renderStatus();
      await refresh();
    } catch (e) {
      clientState = 'stopped';
      renderStatus();
      c.outputChannel.appendLine(`ECA Lens server failed to start: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    }
    context.subscriptions.push({ dispose: () => watchers.forEach((w) => w.dispose()) });
  }

  async function stopClient(): Promise<void> {
    const c = client;
    client = undefined;
    if (c) await c.stop().catch(() => undefined);
    clientState = 'disabled';
    lastStatus = undefined;
    renderStatus();
    // Nothing stale stays on screen: the views show their "turned off" welcome.
    inventoryTree.show({ projects: [] });
    checklistTree.show({ apps: [] });
    inventoryTree.setHazards(0);
    await vscode.commands.executeCommand('setContext', 'ecaLens.enabled', false);
  }

  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (!e.affectsConfiguration('ecaLens.enable')) return;
      if (vscode.workspace.getConfiguration('ecaLens').get<boolean>('enable', true)) await startClient();
      else await stopClient();
    }),
  );

  if (vscode.workspace.getConfiguration('ecaLens').get<boolean>('enable', true)) await startClient();
  else await stopClient();
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) await c.stop().catch(() => undefined);
}

/** `ecaLens.projectOpened`: the workspace holds an sfdx project (gates the views and commands). */
async function setProjectContext(): Promise<void> {
  const found = await vscode.workspace.findFiles('**/sfdx-project.json', '**/node_modules/**', 1);
  await vscode.commands.executeCommand('setContext', 'ecaLens.projectOpened', found.length > 0);
}
