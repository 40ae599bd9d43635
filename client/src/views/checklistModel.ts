/**
 * The pre-packaging checklist as plain data, built from `ecaLens/checklist`: per app, its items
 * with pass/fail icons; a failing item opens its finding and offers its fix. No vscode import.
 */
import type { AppChecklist, ChecklistItem, ChecklistResult } from '../../../server/src/shared/protocol';
import { cmp, ICON_COLORS, md, type Row } from './rows';

export type ChecklistNode =
  | { kind: 'checklistApp'; row: Row; app: AppChecklist; children: ChecklistNode[] }
  | { kind: 'checklistItem'; row: Row; app: AppChecklist; item: ChecklistItem; children: ChecklistNode[] };

export interface AppVerdict {
  passed: number;
  failed: number;
  applicable: number;
  ready: boolean;
}

export function verdict(app: AppChecklist): AppVerdict {
  let passed = 0;
  let failed = 0;
  for (const i of app.items) {
    if (i.status === 'pass') passed++;
    else if (i.status === 'fail') failed++;
  }
  return { passed, failed, applicable: passed + failed, ready: failed === 0 };
}

export function buildChecklistTree(result: ChecklistResult): ChecklistNode[] {
  const multiProject = new Set(result.apps.map((a) => a.projectUri)).size > 1;
  const apps = [...result.apps].sort((a, b) => cmp(a.app.toLowerCase(), b.app.toLowerCase()) || cmp(a.projectUri, b.projectUri));
  return apps.map((app) => {
    const v = verdict(app);
    const children = app.items.map((item) => itemNode(app, item));
    const where = multiProject ? ` · ${projectName(app.projectUri)}` : '';
    return {
      kind: 'checklistApp' as const,
      app,
      children,
      row: {
        id: `checklist:${app.projectUri}:${app.app}`,
        label: app.app,
        description: (v.ready ? `ready · ${v.passed}/${v.applicable} passed` : `${v.failed} failing · ${v.passed}/${v.applicable} passed`) + where,
        tooltip: `**${md(app.app)}**${app.package ? ` in package **${md(app.package)}**` : ' (not in a 2GP package)'}\n\n` +
          (v.ready ? 'Every check passes: ready for `sf package version create`.' : `${v.failed} of ${v.applicable} checks fail.`),
        icon: v.ready ? { id: 'pass-filled', color: ICON_COLORS.pass } : { id: 'error', color: ICON_COLORS.error },
        contextValue: v.ready ? 'checklistApp' : 'checklistApp.failing',
        collapsible: 'expanded' as const,
      },
    };
  });
}

function itemNode(app: AppChecklist, item: ChecklistItem): ChecklistNode {
  const icon =
    item.status === 'pass'
      ? { id: 'pass', color: ICON_COLORS.pass }
      : item.status === 'fail'
        ? { id: 'error', color: ICON_COLORS.error }
        : { id: 'circle-slash', color: ICON_COLORS.muted };
  const statusWord = item.status === 'pass' ? 'passes' : item.status === 'fail' ? 'fails' : 'does not apply';
  const f = item.finding;
  const fixable = item.status === 'fail' && !!f && f.fixable !== false;
  return {
    kind: 'checklistItem',
    app,
    item,
    children: [],
    row: {
      id: `checklist:${app.projectUri}:${app.app}:${item.id}`,
      label: item.label,
      description: item.status === 'not-applicable' ? `n/a${item.detail ? ` · ${item.detail}` : ''}` : item.detail,
      tooltip: [`**${md(item.label)}** ${statusWord}.`, item.detail ? md(item.detail) : '', f ? `${f.severity}: ${md(f.message)} (\`${f.code}\`)` : '']
        .filter(Boolean)
        .join('\n\n'),
      icon,
      contextValue: `checklistItem.${item.status}${fixable ? '.fixable' : ''}`,
      collapsible: 'none',
      open: item.status === 'fail' && f ? { uri: f.uri, range: f.range } : undefined,
    },
  };
}

function projectName(uri: string): string {
  const trimmed = uri.replace(/\/+$/, '');
  return decodeURIComponent(trimmed.slice(trimmed.lastIndexOf('/') + 1));
}

/** Apps that fail at least one check. */
export function failingApps(result: ChecklistResult): AppChecklist[] {
  return result.apps.filter((a) => !verdict(a).ready);
}
