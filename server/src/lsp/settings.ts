/**
 * `ecaLens.*` settings: validated (a wrong type falls back to the default, never throws) and turned
 * into engine options. Read through `workspace/configuration` per workspace folder.
 */
import type { EngineOptions, SeverityOrOff } from '../engine';
import { DEFAULT_SETTINGS, type EcaLensSettings } from '../shared/protocol';
import { normalizeDocsBase } from '../shared/docs';

const SEVERITIES = new Set(['off', 'information', 'warning', 'error', 'hint']);

export function normalizeSettings(raw: unknown): EcaLensSettings {
  const r = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const rules: EcaLensSettings['rules'] = {};
  if (r.rules && typeof r.rules === 'object' && !Array.isArray(r.rules)) {
    for (const [k, v] of Object.entries(r.rules as Record<string, unknown>)) {
      const sev = v === 'info' ? 'information' : v;
      if (typeof sev === 'string' && SEVERITIES.has(sev) && k.trim()) rules[k.trim()] = sev as EcaLensSettings['rules'][string];
    }
  }
  const exclude = Array.isArray(r.exclude) ? r.exclude.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : [];
  const trace = r.trace && typeof r.trace === 'object' ? (r.trace as Record<string, unknown>).server : undefined;
  return {
    enable: typeof r.enable === 'boolean' ? r.enable : DEFAULT_SETTINGS.enable,
    rules,
    exclude,
    devHubOrgId: typeof r.devHubOrgId === 'string' ? r.devHubOrgId.trim() : '',
    trace: { server: trace === 'messages' || trace === 'verbose' ? trace : 'off' },
    ...(normalizeDocsBase(r.docsBaseUrl) ? { docsBaseUrl: normalizeDocsBase(r.docsBaseUrl) } : {}),
  };
}

/** Engine options from settings, with rule overrides made in this session ("disable rule"). */
export function engineOptions(s: EcaLensSettings, sessionRules: Readonly<Record<string, SeverityOrOff>> = {}): EngineOptions {
  return {
    rules: { ...s.rules, ...sessionRules },
    exclude: [...s.exclude],
    ...(s.devHubOrgId ? { devHubOrgId: s.devHubOrgId } : {}),
  };
}

/** A stable key for comparing options. */
export function optionsKey(o: EngineOptions): string {
  const rules = Object.entries(o.rules ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([rules, o.exclude ?? [], o.devHubOrgId ?? '']);
}

export function excludeKey(o: EngineOptions): string {
  return JSON.stringify(o.exclude ?? []);
}
