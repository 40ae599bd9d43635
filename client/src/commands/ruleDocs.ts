/**
 * "Show rule documentation": for a rule id (argument, diagnostic, tree row, the server's
 * `RuleArgs`) or one picked from the list. Opens the page shipped in the extension
 * (`docs/rules/<id>.md`) in the Markdown preview, offline; the web page only when it is missing.
 */
import { RULE_INFO as RULES } from '../../../server/src/shared/rules';
import { docsPath } from '../../../server/src/shared/docs';
import type { Ui } from './ports';

export interface RuleDocsDeps {
  ui: Ui;
  /** Is this file (relative to the extension folder) there? */
  exists(relPath: string): Promise<boolean>;
  /** Open a file of the extension (relative path) in the Markdown preview. */
  preview(relPath: string): Promise<void>;
  /** The page's URL (the `ecaLens.docsBaseUrl` setting, else the default). */
  docsUrl(id: string): string;
  openExternal(url: string): Promise<void>;
}

/** The rule id an argument names: a string, a finding/diagnostic `{ code }`, or a view node. */
export function ruleIdOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return RULES.some((r) => r.id === arg) ? arg : undefined;
  if (!arg || typeof arg !== 'object') return undefined;
  const o = arg as { ruleId?: unknown; code?: unknown; finding?: { code?: unknown }; item?: { finding?: { code?: unknown } } };
  const code = o.ruleId ?? o.code ?? o.finding?.code ?? o.item?.finding?.code;
  if (typeof code === 'string') return ruleIdOf(code);
  if (code && typeof code === 'object' && 'value' in code) return ruleIdOf(String((code as { value: unknown }).value));
  return undefined;
}

/** Returns what it opened: the relative path of the bundled page, or the URL. */
export async function showRuleDocs(deps: RuleDocsDeps, arg?: unknown): Promise<string | undefined> {
  let id = ruleIdOf(arg);
  if (!id) {
    id = await deps.ui.pick(
      RULES.map((r) => ({ label: r.id, description: r.defaultSeverity, detail: r.title, value: r.id })),
      { title: 'ECA Lens rule documentation', placeHolder: 'Rule' },
    );
  }
  if (!id) return undefined;
  const rel = docsPath(id);
  if (await deps.exists(rel)) {
    await deps.preview(rel);
    return rel;
  }
  const url = deps.docsUrl(id);
  await deps.openExternal(url);
  return url;
}

/** "Disable rule": the rule id from a `RuleArgs` argument, else picked; sets `ecaLens.rules[id]` to `off`. */
export async function disableRule(
  deps: { ui: Ui; current(): Record<string, string>; save(rules: Record<string, string>): Promise<void> },
  arg?: unknown,
): Promise<string | undefined> {
  let id = typeof arg === 'object' && arg && typeof (arg as { ruleId?: unknown }).ruleId === 'string' ? (arg as { ruleId: string }).ruleId : ruleIdOf(arg);
  if (!id) {
    id = await deps.ui.pick(
      RULES.map((r) => ({ label: r.id, description: r.defaultSeverity, detail: r.title, value: r.id })),
      { title: 'Disable an ECA Lens rule', placeHolder: 'Rule' },
    );
  }
  if (!id) return undefined;
  await deps.save(withRuleOff(deps.current(), id));
  void deps.ui.info(`ECA Lens: ${id} is off (ecaLens.rules in your user settings).`);
  return id;
}

export function withRuleOff(rules: Readonly<Record<string, string>>, id: string): Record<string, string> {
  return { ...rules, [id]: 'off' };
}
