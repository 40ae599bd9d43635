/** What the client can do, read once from `initialize`, so features can fall back sensibly. */
import type { ClientCapabilities, InitializeParams } from 'vscode-languageserver';
import type { InitializationOptions } from '../shared/protocol';

export interface ClientCaps {
  documentChanges: boolean;
  resourceOps: ReadonlySet<string>;
  snippetEdits: boolean;
  codeActionLiterals: boolean;
  codeActionResolve: ReadonlySet<string>;
  isPreferred: boolean;
  relatedInformation: boolean;
  diagnosticTags: ReadonlySet<number>;
  codeDescription: boolean;
  diagnosticVersion: boolean;
  workDoneProgress: boolean;
  configuration: boolean;
  configurationDynamic: boolean;
  watchedFilesDynamic: boolean;
  showDocument: boolean;
  applyEdit: boolean;
  hoverMarkdown: boolean;
  completionSnippets: boolean;
  completionMarkdown: boolean;
  workspaceFolders: boolean;
  /** Commands the client implements (from initializationOptions.clientCommands). */
  clientCommands: ReadonlySet<string>;
}

export function readCaps(params: Pick<InitializeParams, 'capabilities' | 'initializationOptions'>): ClientCaps {
  const c: ClientCapabilities = params.capabilities ?? {};
  const ws = c.workspace;
  const td = c.textDocument;
  const opts = (params.initializationOptions ?? {}) as InitializationOptions;
  const we = ws?.workspaceEdit as (NonNullable<typeof ws>['workspaceEdit'] & { snippetEditSupport?: boolean }) | undefined;
  return {
    documentChanges: !!we?.documentChanges,
    resourceOps: new Set(we?.resourceOperations ?? []),
    snippetEdits: !!we?.snippetEditSupport,
    codeActionLiterals: !!td?.codeAction?.codeActionLiteralSupport,
    codeActionResolve: new Set(td?.codeAction?.resolveSupport?.properties ?? []),
    isPreferred: !!td?.codeAction?.isPreferredSupport,
    relatedInformation: !!td?.publishDiagnostics?.relatedInformation,
    diagnosticTags: new Set(td?.publishDiagnostics?.tagSupport?.valueSet ?? []),
    codeDescription: !!td?.publishDiagnostics?.codeDescriptionSupport,
    diagnosticVersion: !!td?.publishDiagnostics?.versionSupport,
    workDoneProgress: !!c.window?.workDoneProgress,
    configuration: !!ws?.configuration,
    configurationDynamic: !!ws?.didChangeConfiguration?.dynamicRegistration,
    watchedFilesDynamic: !!ws?.didChangeWatchedFiles?.dynamicRegistration,
    showDocument: !!c.window?.showDocument?.support,
    applyEdit: !!ws?.applyEdit,
    hoverMarkdown: (td?.hover?.contentFormat ?? []).includes('markdown'),
    completionSnippets: !!td?.completion?.completionItem?.snippetSupport,
    completionMarkdown: (td?.completion?.completionItem?.documentationFormat ?? []).includes('markdown'),
    workspaceFolders: !!ws?.workspaceFolders,
    clientCommands: new Set(Array.isArray(opts.clientCommands) ? opts.clientCommands.filter((x): x is string => typeof x === 'string') : []),
  };
}
