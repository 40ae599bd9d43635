/**
 * Findings → LSP diagnostics, and a publisher that sends a file's diagnostics only when they
 * changed (and an empty list when a file lost its findings or vanished). Keeps running error and
 * warning counts for the status notification.
 */
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver';
import { docsUrl, type Finding, type Severity } from '../engine';
import type { ClientCaps } from './capabilities';

export const SOURCE = 'ECA Lens';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** `docsBase`: the `ecaLens.docsBaseUrl` setting (else the default base) for `codeDescription.href`. */
export function toDiagnostic(f: Finding, caps: ClientCaps, toUri: (p: string) => string, docsBase?: string): Diagnostic {
  const d: Diagnostic = {
    range: f.range,
    severity: SEVERITY[f.severity],
    code: f.ruleId,
    source: SOURCE,
    message: f.message,
  };
  if (caps.codeDescription) d.codeDescription = { href: docsUrl(f.ruleId, docsBase) };
  if (f.related?.length) {
    if (caps.relatedInformation) {
      d.relatedInformation = f.related.map((r): DiagnosticRelatedInformation => ({ location: { uri: toUri(r.path), range: r.range }, message: r.message }));
    }
  }
  if (f.tags?.length) {
    const tags = f.tags.map((t) => (t === 'unnecessary' ? DiagnosticTag.Unnecessary : DiagnosticTag.Deprecated)).filter((t) => caps.diagnosticTags.has(t));
    if (tags.length) d.tags = tags;
  }
  return d;
}

export interface PublishSink {
  (uri: string, diagnostics: Diagnostic[], version: number | undefined): void;
}

interface Published {
  uri: string;
  /** What was sent, compared field by field with the next findings (no JSON kept or built). */
  findings: readonly Finding[];
  docsBase: string | undefined;
  errors: number;
  warnings: number;
}

/** The same diagnostics: what toDiagnostic reads of a finding is equal. */
function sameFindings(a: readonly Finding[], b: readonly Finding[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    if (x.ruleId !== y.ruleId || x.severity !== y.severity || x.message !== y.message || !sameRange(x.range, y.range)) return false;
    if ((x.tags ?? []).join() !== (y.tags ?? []).join()) return false;
    const rx = x.related ?? [];
    const ry = y.related ?? [];
    if (rx.length !== ry.length || rx.some((r, j) => r.path !== ry[j]!.path || r.message !== ry[j]!.message || !sameRange(r.range, ry[j]!.range))) return false;
  }
  return true;
}

function sameRange(a: Finding['range'], b: Finding['range']): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

export class DiagnosticsPublisher {
  private readonly state = new Map<string, Published>();
  errors = 0;
  warnings = 0;
  /** Diagnostics notifications sent (for tests and traces). */
  sent = 0;

  constructor(
    private readonly sink: PublishSink,
    private readonly caps: ClientCaps,
    private readonly toUri: (p: string) => string,
    private readonly versionOf: (uri: string) => number | undefined,
    private readonly docsBase: () => string | undefined = () => undefined,
  ) {}

  /** Publish a file's findings when they differ from what the client has. True when sent. */
  publish(path: string, findings: readonly Finding[]): boolean {
    const old = this.state.get(path);
    if (findings.length === 0) {
      if (!old) return false;
      this.clear(path);
      return true;
    }
    const uri = this.toUri(path);
    const docsBase = this.docsBase();
    if (old && old.uri === uri && old.docsBase === docsBase && sameFindings(old.findings, findings)) return false;
    // The client named the file differently (it opened it with its own URI spelling): move them.
    if (old && old.uri !== uri) this.send(old.uri, []);
    let errors = 0;
    let warnings = 0;
    for (const f of findings) {
      if (f.severity === 'error') errors++;
      else if (f.severity === 'warning') warnings++;
    }
    this.errors += errors - (old?.errors ?? 0);
    this.warnings += warnings - (old?.warnings ?? 0);
    this.state.set(path, { uri, findings, docsBase, errors, warnings });
    this.send(uri, findings.map((f) => toDiagnostic(f, this.caps, this.toUri, docsBase)));
    return true;
  }

  clear(path: string): void {
    const old = this.state.get(path);
    if (!old) return;
    this.state.delete(path);
    this.errors -= old.errors;
    this.warnings -= old.warnings;
    this.send(old.uri, []);
  }

  /** Paths that currently carry diagnostics. */
  paths(): string[] {
    return [...this.state.keys()];
  }

  has(path: string): boolean {
    return this.state.has(path);
  }

  private send(uri: string, diags: Diagnostic[]): void {
    this.sent++;
    this.sink(uri, diags, this.caps.diagnosticVersion ? this.versionOf(uri) : undefined);
  }
}
