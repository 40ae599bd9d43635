/**
 * What every part of a language server session shares: the connection, the workspace (projects +
 * overlay of open buffers), the client's capabilities, the diagnostics publisher, the open
 * documents and the URIs the client spells, logging and error guards. No behaviour of its own.
 */
import * as path from 'node:path';
import { MessageType, ShowMessageNotification, type Connection, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FsHost } from '../project/fsHost';
import { nodeFsHost } from '../project/fsHost';
import { PROJECT_FILE } from '../project/sfdxProject';
import { FORCEIGNORE } from '../project/forceIgnore';
import { TypeRegistry } from '../metadata/types';
import type { Rule } from '../engine';
import type { InitializationOptions } from '../shared/protocol';
import { pathToUri, uriToPath } from '../util/uri';
import type { ClientCaps } from './capabilities';
import type { DiagnosticsPublisher } from './diagnostics';
import type { EditEnv } from './edits';
import { Workspace } from './workspace';

/** How long to wait for the client's answer to a server request before going on without it. */
/** Files rules read through `textOf`/`listFiles` beyond the ECA family (re-checked on change). */
const READ_BY_RULES = /^\.gitignore$|\.(permissionset|profile|settings)-meta\.xml$/;

export const CLIENT_ANSWER_MS = 5000;

export function withTimeout<T, F>(p: Promise<T>, ms: number, fallback: F): Promise<T | F> {
  return new Promise((resolve) => {
    const t = setTimeout(() => resolve(fallback), ms);
    t.unref?.();
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      () => {
        clearTimeout(t);
        resolve(fallback);
      },
    );
  });
}

export interface SessionOptions {
  /** The disk (tests may pass another host). */
  host?: FsHost;
  /** The rules to run (default: all). For tests. */
  ruleSet?: readonly Rule[];
}

export class SessionState {
  readonly ws: Workspace;
  caps!: ClientCaps;
  publisher!: DiagnosticsPublisher;
  initOptions: InitializationOptions = {};
  readonly types = new TypeRegistry();
  readonly openDocs = new Map<string, TextDocument>();
  private readonly clientUris = new Map<string, string>();
  /** The first index is running (changes wait in the queue; settings resync after it). */
  indexing = false;
  /** Settings or folders changed while indexing: apply them when it is done. */
  resyncAfterIndex = false;
  shuttingDown = false;
  verbose = false;
  /** Base of the documentation links, from `ecaLens.docsBaseUrl` (undefined: the default). */
  docsBase: string | undefined;
  /** Settings pushed by didChangeConfiguration (clients without workspace/configuration). */
  pushedSettings: unknown;

  constructor(
    readonly connection: Connection,
    readonly documents: TextDocuments<TextDocument>,
    options: SessionOptions = {},
  ) {
    this.ws = new Workspace(options.host ?? nodeFsHost, options.ruleSet);
  }

  log(msg: string): void {
    this.connection.console.log(msg);
  }

  logError(where: string, e: unknown): void {
    const msg = e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e);
    try {
      this.connection.console.error(`ECA Lens: ${where} failed: ${msg}`);
    } catch {
      // the connection is gone: nothing to report to
    }
  }

  /** Run a handler; log and answer `fallback` on any error (the server never dies of bad input). */
  guard<T>(where: string, fallback: T, fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      this.logError(where, e);
      return fallback;
    }
  }

  async guardAsync<T>(where: string, fallback: T, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      this.logError(where, e);
      return fallback;
    }
  }

  /** A message without buttons: a notification, so no client waits on it. */
  message(type: MessageType, message: string): void {
    void this.connection.sendNotification(ShowMessageNotification.type, { type, message }).catch(() => undefined);
  }

  uriOf = (p: string): string => this.clientUris.get(p) ?? pathToUri(p);

  /** The path of a client URI, remembering the client's spelling of it. */
  pathOf(uri: string): string | undefined {
    const p = uriToPath(uri);
    if (p) this.clientUris.set(p, uri);
    return p;
  }

  private versionOfPath = (p: string): number | null => this.openDocs.get(p)?.version ?? null;

  get env(): EditEnv {
    return { caps: this.caps, toUri: this.uriOf, versionOf: this.versionOfPath, files: this.ws.host, ...(this.docsBase ? { docsBase: this.docsBase } : {}) };
  }

  /** A file ECA Lens reads: sfdx-project.json, .forceignore, package.xml, an ECA-family name. */
  isRelevant(p: string): boolean {
    const base = path.basename(p);
    return base === PROJECT_FILE || base === FORCEIGNORE || base === 'package.xml' || !!this.types.classifyFileName(base) || READ_BY_RULES.test(base);
  }
}
