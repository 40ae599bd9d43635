/** Rule severity settings: rule id (wildcards `*` allowed) → severity or off. */
import type { Severity, SeverityOrOff } from '../rules/kit/types';

export class SeveritySettings {
  private readonly cache = new Map<string, SeverityOrOff | 'default'>();

  constructor(private readonly rules: Readonly<Record<string, SeverityOrOff>> = {}) {}

  /** The severity settings give a rule (exact id first, else the last matching wildcard), or the fallback. */
  of(id: string, fallback: Severity): SeverityOrOff {
    let configured = this.cache.get(id);
    if (configured === undefined) {
      configured = 'default';
      if (Object.prototype.hasOwnProperty.call(this.rules, id)) configured = this.rules[id]!;
      else {
        for (const [pat, v] of Object.entries(this.rules)) {
          if (pat.includes('*') && new RegExp('^' + pat.split('*').map(escapeRe).join('.*') + '$').test(id)) configured = v;
        }
      }
      this.cache.set(id, configured);
    }
    return configured === 'default' ? fallback : configured;
  }
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
