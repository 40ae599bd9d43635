/** `eca-lens rules`: every rule id, its default severity, title and docs link. */
import { ALL_RULES } from '../rules/index';
import { docsUrl } from '../rules/kit';
import type { RunResult } from './main';

export function rulesCommand(): RunResult {
  const w = Math.max(...ALL_RULES.map((r) => r.id.length));
  return { code: 0, stdout: ALL_RULES.map((r) => `${r.id.padEnd(w)}  ${r.defaultSeverity.padEnd(11)}  ${r.title}\n    ${docsUrl(r.id)}`).join('\n') + '\n', stderr: '' };
}
