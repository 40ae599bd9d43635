/** What the status bar item shows, from `ecaLens/status` (pure; the adapter lives in extension.ts). */
import type { StatusParams } from '../../server/src/shared/protocol';
import { plural } from './views/rows';

export interface StatusView {
  text: string;
  tooltip: string;
  /** Background: error/warning colours when the project has hazards of that severity. */
  tone: 'normal' | 'warning' | 'error';
}

export function statusView(s: StatusParams | undefined, state: 'starting' | 'running' | 'stopped' | 'disabled'): StatusView {
  if (state === 'disabled') return { text: '$(circle-slash) ECA Lens', tooltip: 'ECA Lens is disabled (ecaLens.enable).', tone: 'normal' };
  if (state === 'stopped') return { text: '$(debug-disconnect) ECA Lens', tooltip: 'The ECA Lens server is not running. See the "ECA Lens" output.', tone: 'warning' };
  if (!s || state === 'starting') return { text: '$(sync~spin) ECA Lens', tooltip: 'ECA Lens: starting…', tone: 'normal' };
  if (s.state === 'indexing') {
    const pct = typeof s.percentage === 'number' ? ` ${Math.max(0, Math.min(100, Math.round(s.percentage)))}%` : '';
    return { text: `$(sync~spin) ECA Lens: indexing${pct}`, tooltip: 'ECA Lens: indexing the sfdx project…', tone: 'normal' };
  }
  const hazards = s.errors + s.warnings;
  const icon = s.errors ? '$(error)' : s.warnings ? '$(warning)' : '$(pass)';
  const text = `${icon} ${plural(s.apps, 'ECA', 'ECAs')}${hazards ? ` · ${plural(hazards, 'hazard')}` : ''}`;
  const tooltip =
    `ECA Lens: ${plural(s.apps, 'External Client App')} in ${plural(s.projects, 'project')}; ` +
    `${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}. Click to show the apps.`;
  return { text, tooltip, tone: s.errors ? 'error' : s.warnings ? 'warning' : 'normal' };
}
