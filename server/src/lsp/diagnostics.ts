/**
 * Findings → LSP diagnostics, and a publisher that sends a file's diagnostics only when they
 * changed (and an empty list when a file lost its findings or vanished). Keeps running error and
 * warning counts for the status notification.
 */
import { createHash } from 'node:crypto';
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
  key: string;
  errors: number;
  warnings: number;
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
    const diags = findings.map((f) => toDiagnostic(f, this.caps, this.toUri, this.docsBase()));
    // A digest, not the JSON itself: 4,000 files' diagnostics kept as text would hold 8 MB.
    const key = createHash('sha1').update(JSON.stringify(diags)).digest('base64');
    if (old && old.key === key && old.uri === uri) return false;
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
    this.state.set(path, { uri, key, errors, warnings });
    this.send(uri, diags);
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
