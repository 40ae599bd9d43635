/** What the vscode command registrations share: the server, the views, the editor ports. */
import * as vscode from 'vscode';
import { Methods, type DevHubOrgIdParams, type DevHubOrgIdResult, type FindingSummary } from '../../../../server/src/shared/protocol';
import type { EcaLensServer } from '../../languageClient';
import type { ChecklistTree } from '../../views/checklistTree';
import type { ChecklistNode } from '../../views/checklistModel';
import type { InventoryTree } from '../../views/inventoryTree';
import type { InventoryNode } from '../../views/inventoryModel';
import type { DevHubDeps } from '../devHubOrgId';
import type { Ui } from '../ports';

export interface CommandContext {
  readonly ext: vscode.ExtensionContext;
  readonly ui: Ui;
  readonly server: EcaLensServer;
  readonly inventoryTree: InventoryTree;
  readonly checklistTree: ChecklistTree;
  /** Ask the server for the views' data again (coalesced). */
  refresh(): Promise<void>;
}

export type Register = (id: string, fn: (...args: unknown[]) => unknown) => void;

export type AnyNode = InventoryNode | ChecklistNode;

/** A view node passed to a command (tree item context menus pass the node). */
export function asNode(node: unknown): AnyNode | undefined {
  return node && typeof node === 'object' && 'kind' in node && 'row' in node ? (node as AnyNode) : undefined;
}

export function findingOf(node: unknown): FindingSummary | undefined {
  const n = asNode(node);
  if (n?.kind === 'hazard') return n.finding;
  if (n?.kind === 'checklistItem') return n.item.finding;
  if (n?.kind === 'postureSetting') return n.setting.findings[0];
  return undefined;
}

export function devHubDeps(cc: CommandContext): DevHubDeps {
  return {
    ui: cc.ui,
    setting: () => vscode.workspace.getConfiguration('ecaLens').get<string>('devHubOrgId', ''),
    lookup: (uri) => cc.server.request<DevHubOrgIdResult>(Methods.devHubOrgId, (uri ? { uri } : {}) satisfies DevHubOrgIdParams),
    saveSetting: async (orgId) => {
      const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
      await vscode.workspace.getConfiguration('ecaLens').update('devHubOrgId', orgId, target);
    },
  };
}
