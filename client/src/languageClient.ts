/**
 * The language client: starts the bundled server over IPC, stops and restarts it, sends requests,
 * and turns the server's `ecaLens/status` and `ecaLens/inventoryChanged` notifications and the
 * client's state into callbacks. No views, no commands here.
 */
import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { ClientCommands, Methods, type InitializationOptions, type StatusParams } from '../../server/src/shared/protocol';
import { documentSelector, watcherGlobs } from './selector';

export type ClientState = 'starting' | 'running' | 'stopped' | 'disabled';

/** The client commands the server may put in code actions (declared in initializationOptions). */
export const CLIENT_COMMANDS = [ClientCommands.insertDevHubOrgId, ClientCommands.disableRule, ClientCommands.showRuleDocs];

export interface ServerEvents {
  /** The client's state changed (starting, running, stopped, disabled). */
  onState(state: ClientState): void;
  /** `ecaLens/status`: indexing progress and counts. */
  onStatus(status: StatusParams | undefined): void;
  /** The views should ask again (inventory changed, server became ready, or just started). */
  onInventoryChanged(): void;
}

export class EcaLensServer {
  private client: LanguageClient | undefined;
  private lastStatus: StatusParams | undefined;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly events: ServerEvents,
  ) {}

  isRunning(): boolean {
    return !!this.client?.isRunning();
  }

  get outputChannel(): LanguageClient['outputChannel'] | undefined {
    return this.client?.outputChannel;
  }

  /** A request to the server; undefined when it is not running. */
  async request<R>(method: string, params?: unknown): Promise<R | undefined> {
    const c = this.client;
    if (!c || !c.isRunning()) return undefined;
    return c.sendRequest<R>(method, params ?? {});
  }

  async start(): Promise<void> {
    if (this.client) return;
    await vscode.commands.executeCommand('setContext', 'ecaLens.enabled', true);
    this.lastStatus = undefined;
    this.events.onState('starting');
    this.events.onStatus(undefined);
    const serverModule = this.context.asAbsolutePath('server/out/server.js');
    const serverOptions: ServerOptions = {
      run: { module: serverModule, transport: TransportKind.ipc },
      debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
    };
    const watchers = watcherGlobs().map((g) => vscode.workspace.createFileSystemWatcher(g));
    const clientOptions: LanguageClientOptions = {
      documentSelector: documentSelector(),
      synchronize: { configurationSection: 'ecaLens', fileEvents: watchers },
      initializationOptions: {
        clientCommands: CLIENT_COMMANDS,
        settings: vscode.workspace.getConfiguration().get('ecaLens'),
      } satisfies InitializationOptions,
      diagnosticCollectionName: 'ecaLens',
    };
    const c = new LanguageClient('ecaLens', 'ECA Lens', serverOptions, clientOptions);
    this.client = c;
    c.onDidChangeState((e) => this.events.onState(e.newState === State.Running ? 'running' : e.newState === State.Starting ? 'starting' : 'stopped'));
    c.onNotification(Methods.inventoryChanged, () => this.events.onInventoryChanged());
    c.onNotification(Methods.status, (s: StatusParams) => {
      const becameReady = s.state === 'ready' && this.lastStatus?.state !== 'ready';
      this.lastStatus = s;
      this.events.onStatus(s);
      if (becameReady) this.events.onInventoryChanged();
    });
    try {
      await c.start();
      this.events.onState('running');
      this.events.onInventoryChanged();
    } catch (e) {
      this.events.onState('stopped');
      c.outputChannel.appendLine(`ECA Lens server failed to start: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    }
    this.context.subscriptions.push({ dispose: () => watchers.forEach((w) => w.dispose()) });
  }

  async stop(): Promise<void> {
    const c = this.client;
    this.client = undefined;
    if (c) await c.stop().catch(() => undefined);
    this.lastStatus = undefined;
    this.events.onState('disabled');
    this.events.onStatus(undefined);
    await vscode.commands.executeCommand('setContext', 'ecaLens.enabled', false);
  }

  async restart(): Promise<void> {
    if (this.client) await this.client.restart();
    else await this.start();
  }

  /** On deactivation: stop without touching the UI. */
  async dispose(): Promise<void> {
    const c = this.client;
    this.client = undefined;
    if (c) await c.stop().catch(() => undefined);
  }
}
