/**
 * The requests the client asks: code actions (and their resolve), hover, and the custom requests
 * of the UI (inventory, checklist, Dev Hub org id, guide, packages; their results are built in
 * requests.ts). Each
 * sees the latest text: pending changes are processed first.
 */
import * as path from 'node:path';
import type { CodeAction, CodeActionParams, Command, CompletionList, CompletionParams, Hover, HoverParams } from 'vscode-languageserver';
import { FORCEIGNORE } from '../project/forceIgnore';
import type { AppPostureParams, AppPostureView, ChecklistResult, DevHubOrgIdParams, DevHubOrgIdResult, GuideParams, GuideResult, InventoryResult, MigrationPreviewParams, MigrationPreviewResult, PackagesParams, PackageVersions, ReportParams, ReportResult } from '../shared/protocol';
import { uriToPath } from '../util/uri';
import type { ChangeQueue } from './changeQueue';
import { codeActions, fixAllEdit, type FixAllData } from './codeActions';
import { completionList } from './completion';
import { elementHover, forceIgnoreHover, toPlain } from './hover';
import { appPostureResult, checklistResult, devHubOrgIdResult, guideResult, inventoryResult, migrationPreviewResult, packagesResult, reportResult } from './requests';
import { guideApps } from '../views/guideApps';
import type { SessionState } from './state';

export class RequestHandlers {
  constructor(
    private readonly st: SessionState,
    private readonly queue: ChangeQueue,
  ) {}

  codeAction(params: CodeActionParams): (CodeAction | Command)[] {
    const t = this.queue.target(params.textDocument.uri);
    if (!t) return [];
    return codeActions(t.project, t.path, params.textDocument.uri, params, this.st.env);
  }

  resolveCodeAction(action: CodeAction): CodeAction {
    const data = action.data as FixAllData | undefined;
    if (data?.kind !== 'fixAll' || typeof data.uri !== 'string') return action;
    const t = this.queue.target(data.uri);
    if (!t) return action;
    return { ...action, edit: fixAllEdit(t.project, t.path, this.st.env) };
  }

  hover(params: HoverParams): Hover | null {
    const t = this.queue.target(params.textDocument.uri);
    if (!t) return null;
    let h: Hover | null = null;
    if (path.basename(t.path) === FORCEIGNORE) {
      const projects = this.st.ws.projects.filter((p) => [...p.forceIgnores()].some((f) => f.path === t.path));
      h = forceIgnoreHover(projects, t.path, params.position);
    } else {
      const f = t.project.file(t.path);
      if (f) h = elementHover(t.project, f, params.position);
    }
    return h && !this.st.caps.hoverMarkdown ? toPlain(h) : h;
  }

  /** Completion reads the live document text; no re-index first (it must answer in milliseconds). */
  completion(params: CompletionParams): CompletionList | null {
    const doc = this.st.documents.get(params.textDocument.uri);
    const p = this.st.pathOf(params.textDocument.uri);
    if (!doc || !p) return null;
    return completionList(this.st.ws.projectFor(p), p, doc, params.position, { snippets: this.st.caps.completionSnippets, markdown: this.st.caps.completionMarkdown });
  }

  inventory(): InventoryResult {
    this.queue.flush();
    return inventoryResult(this.st.ws.projects, this.st.uriOf);
  }

  appPosture(params: AppPostureParams | undefined): AppPostureView | null {
    this.queue.flush();
    return appPostureResult(this.st.ws.projects, this.st.uriOf, params);
  }

  checklist(): ChecklistResult {
    this.queue.flush();
    return checklistResult(this.st.ws.projects, this.st.uriOf);
  }

  /** The integration report (Markdown) of the workspace's projects, or of the one holding `uri`. */
  report(params: ReportParams | undefined): ReportResult {
    this.queue.flush();
    const ws = this.st.ws;
    const p = params?.uri ? uriToPath(params.uri) : undefined;
    const one = p ? ws.projectFor(p) : undefined;
    return reportResult(one ? [one] : ws.projects, ws.folderList()[0]?.path, this.st.docsBase);
  }

  devHubOrgId(params: DevHubOrgIdParams | undefined): DevHubOrgIdResult {
    const ws = this.st.ws;
    const p = params?.uri ? uriToPath(params.uri) : undefined;
    const project = p ? ws.projectFor(p) : ws.projects[0];
    const folder = ws.folderList()[0];
    return devHubOrgIdResult(project, p ?? folder?.path, (folder?.settings ?? ws.defaultSettings).devHubOrgId, ws.host);
  }

  migrationPreview(params: MigrationPreviewParams | undefined): MigrationPreviewResult {
    const t = typeof params?.uri === 'string' ? this.queue.target(params.uri) : undefined;
    return migrationPreviewResult(t?.project, t?.path ?? '', this.st.uriOf);
  }

  /** The project of `uri`, else the first project with a packaged app, else the first. */
  guide(params: GuideParams | undefined): GuideResult {
    this.queue.flush();
    const ws = this.st.ws;
    const p = params?.uri ? uriToPath(params.uri) : undefined;
    const project = (p ? ws.projectFor(p) : undefined) ?? ws.projects.find((x) => guideApps(x, ws.host).length > 0) ?? ws.projects[0];
    return guideResult(project, ws.host, this.st.uriOf, typeof params?.app === 'string' ? params.app : undefined);
  }

  /** The project of `uri`, else the first project with a package, else the first. */
  packages(params: PackagesParams | undefined): PackageVersions[] {
    this.queue.flush();
    const ws = this.st.ws;
    const p = params?.uri ? uriToPath(params.uri) : undefined;
    const project = (p ? ws.projectFor(p) : undefined) ?? ws.projects.find((x) => x.config.packageDirectories.some((d) => d.package)) ?? ws.projects[0];
    return packagesResult(project);
  }
}
