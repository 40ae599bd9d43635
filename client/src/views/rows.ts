/**
 * What a tree row shows, in plain data: the models build these, the vscode adapters only turn them
 * into TreeItems. Icons are codicon ids with an optional theme colour id.
 */
import type { FindingSummary, Rng } from '../../../server/src/shared/protocol';

export interface RowIcon {
  /** Codicon id, e.g. `pass`, `error`, `package`. */
  id: string;
  /** Theme colour id, e.g. `testing.iconPassed`. */
  color?: string;
}

/** A location a row opens (and selects) when clicked. */
export interface RowTarget {
  uri: string;
  range?: Rng;
}

export interface Row {
  /** Stable and unique across the view, so expansion survives a refresh. */
  id: string;
  label: string;
  description?: string;
  /** Markdown. */
  tooltip?: string;
  icon?: RowIcon;
  /** Drives menus: `when: viewItem == ...` / `viewItem =~ /.../`. */
  contextValue: string;
  collapsible: 'none' | 'collapsed' | 'expanded';
  /** Clicking the row opens this. */
  open?: RowTarget;
  /** The file the row stands for (gives the row its resource URI). */
  resourceUri?: string;
}

export const ICON_COLORS = {
  pass: 'testing.iconPassed',
  error: 'list.errorForeground',
  warning: 'list.warningForeground',
  info: 'editorInfo.foreground',
  muted: 'disabledForeground',
} as const;

export function severityIcon(severity: FindingSummary['severity']): RowIcon {
  switch (severity) {
    case 'error':
      return { id: 'error', color: ICON_COLORS.error };
    case 'warning':
      return { id: 'warning', color: ICON_COLORS.warning };
    case 'information':
      return { id: 'info', color: ICON_COLORS.info };
    case 'hint':
      return { id: 'lightbulb' };
  }
}

const SEVERITY_ORDER: Record<FindingSummary['severity'], number> = { error: 0, warning: 1, information: 2, hint: 3 };

/** Findings worst first, then by file and position (stable order for rows). */
export function sortFindings(findings: readonly FindingSummary[]): FindingSummary[] {
  return [...findings].sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      cmp(a.uri, b.uri) ||
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      cmp(a.code, b.code),
  );
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** "2 errors, 1 warning" / "1 hint"; empty string when there is nothing. */
export function countLabel(findings: readonly FindingSummary[]): string {
  const n = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const f of findings) n[f.severity]++;
  const parts: string[] = [];
  if (n.error) parts.push(plural(n.error, 'error'));
  if (n.warning) parts.push(plural(n.warning, 'warning'));
  if (n.information) parts.push(plural(n.information, 'info', 'infos'));
  if (n.hint) parts.push(plural(n.hint, 'hint'));
  return parts.join(', ');
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The first sentence of a finding's message, for a one-line row. */
export function shortMessage(message: string, max = 100): string {
  const m = /^(.+?[.!?])(?:\s|$)/.exec(message);
  let s = (m?.[1] ?? message).trim();
  if (s.length > max) s = `${s.slice(0, max - 1).trimEnd()}…`;
  return s;
}

/** Escape text for a Markdown tooltip. */
export function md(text: string): string {
  return text.replace(/([\\`*_{}[\]()#+!|<>])/g, '\\$1');
}

export function worstSeverity(findings: readonly FindingSummary[]): FindingSummary['severity'] | undefined {
  let best: FindingSummary['severity'] | undefined;
  for (const f of findings) if (!best || SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[best]) best = f.severity;
  return best;
}
