/**
 * `defineRule`: a rule in one object. The spec names the rule, says what it reads and checks:
 *
 *     export const rule = defineRule({
 *       id: 'distribution-state-not-packaged', severity: 'error', title: '...',
 *       appliesTo: ['ExternalClientApplication'], needsXml: true,
 *       check(ctx) { return [ctx.finding(el, message, ctx.fix('Set ...', edit, { kind: 'safe', preferred: true }))]; },
 *     });
 *
 * `scope` defaults to 'eca-file' (one ECA-family file at a time); 'forceignore' runs once per
 * `.forceignore`, 'project' once per project (on sfdx-project.json; read other files through
 * `ctx.textOf` / `ctx.project`). The runner does the "is this my file" guard from `appliesTo` and
 * `needsXml`, so `check` starts with the work.
 */
import type { XmlElement } from '../../metadata/parse';
import type { EcaTypeInfo } from '../../metadata/types';
import type { Fix, TextEdit } from '../../edits/types';
import type {
  EcaFileContext, EcaFileRule, EditHelpers, FindingExtras, FixOptions, ForceIgnoreContext, ForceIgnoreRule, LazyFixes, ProjectFileContext,
  ProjectFileRule, RawFinding, RuleHelpers, Severity, Span, TypeSelector, XmlFileContext,
} from './types';
import { valueSpan } from './spans';

interface SpecMeta {
  readonly id: string;
  /** The default severity (settings override it). */
  readonly severity: Severity;
  /** One line for lists and SARIF. */
  readonly title: string;
}

export type RuleSpec =
  | (SpecMeta & { scope?: 'eca-file'; appliesTo?: readonly TypeSelector[]; needsXml: true; check(ctx: XmlFileContext): RawFinding[] })
  | (SpecMeta & { scope?: 'eca-file'; appliesTo?: readonly TypeSelector[]; needsXml?: false; check(ctx: EcaFileContext): RawFinding[] })
  | (SpecMeta & { scope: 'forceignore'; check(ctx: ForceIgnoreContext): RawFinding[] })
  | (SpecMeta & { scope: 'project'; check(ctx: ProjectFileContext): RawFinding[] });

export function defineRule(spec: SpecMeta & { scope?: 'eca-file'; appliesTo?: readonly TypeSelector[]; needsXml: true; check(ctx: XmlFileContext): RawFinding[] }): EcaFileRule;
export function defineRule(spec: SpecMeta & { scope?: 'eca-file'; appliesTo?: readonly TypeSelector[]; needsXml?: false; check(ctx: EcaFileContext): RawFinding[] }): EcaFileRule;
export function defineRule(spec: SpecMeta & { scope: 'forceignore'; check(ctx: ForceIgnoreContext): RawFinding[] }): ForceIgnoreRule;
export function defineRule(spec: SpecMeta & { scope: 'project'; check(ctx: ProjectFileContext): RawFinding[] }): ProjectFileRule;
export function defineRule(spec: RuleSpec): EcaFileRule | ForceIgnoreRule | ProjectFileRule {
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(spec.id)) throw new Error(`rule id "${spec.id}" is not kebab-case`);
  const meta = { id: spec.id, defaultSeverity: spec.severity, title: spec.title };
  if (spec.scope === 'forceignore') return { ...meta, scope: 'forceignore', check: spec.check };
  if (spec.scope === 'project') return { ...meta, scope: 'project', check: spec.check };
  return {
    ...meta,
    scope: 'eca-file',
    appliesTo: spec.appliesTo,
    needsXml: spec.needsXml ?? false,
    check: spec.check as (ctx: EcaFileContext) => RawFinding[],
  };
}

/** Does an `eca-file` rule read files of this type (undefined: an unrecognised name)? */
export function appliesToType(rule: EcaFileRule, type: EcaTypeInfo | undefined): boolean {
  const sel = rule.appliesTo;
  if (!sel) return true;
  if (!type) return false;
  return sel.includes(type.name) || sel.includes('any-type') || (type.satellite && sel.includes('satellites'));
}

/** The runner's guard for an `eca-file` rule and a file. */
export function ruleReads(rule: EcaFileRule, type: EcaTypeInfo | undefined, hasXmlRoot: boolean): boolean {
  return appliesToType(rule, type) && (!rule.needsXml || hasXmlRoot);
}

function isFix(x: FindingExtras): x is Fix {
  return !Array.isArray(x) && typeof (x as Fix).title === 'string' && Array.isArray((x as Fix).edits);
}

function isElement(x: Span | XmlElement): x is XmlElement {
  return typeof (x as XmlElement).name === 'string' && typeof (x as XmlElement).contentStart === 'number';
}

/** `fix` and `finding` on top of a model's edit helpers (the runner builds one per project). */
export function ruleHelpers(base: EditHelpers): RuleHelpers {
  return {
    edit: base.edit,
    range: base.range,
    textOf: base.textOf,
    fix(title: string, edits: TextEdit | readonly TextEdit[], o: FixOptions): Fix {
      const fix: Fix = { title, kind: o.kind, edits: Array.isArray(edits) ? [...edits] : [edits as TextEdit] };
      if (o.preferred) fix.preferred = true;
      if (o.fileOps) fix.fileOps = o.fileOps;
      if (o.snippet) fix.snippet = true;
      if (o.needs) fix.needs = o.needs;
      return fix;
    },
    finding(at: Span | XmlElement, message: string, extras?: FindingExtras): RawFinding {
      const span = isElement(at) ? valueSpan(at) : at;
      const f: RawFinding = { message, start: span.start, end: span.end };
      if (!extras) return f;
      if (typeof extras === 'function') f.fixes = extras;
      else if (isFix(extras)) f.fixes = [extras];
      else if (Array.isArray(extras)) f.fixes = [...(extras as readonly Fix[])];
      else {
        const x = extras as Exclude<FindingExtras, Fix | readonly Fix[] | LazyFixes>;
        if (x.fixes) f.fixes = typeof x.fixes === 'function' ? x.fixes : [...x.fixes];
        if (x.hasFixes && typeof x.fixes === 'function') f.hasFixes = true;
        if (x.autoFixable !== undefined && typeof x.fixes === 'function') f.autoFixable = x.autoFixable;
        if (x.severity) f.severity = x.severity;
        if (x.related) f.related = x.related;
        if (x.tags) f.tags = x.tags;
        if (x.path) f.path = x.path;
      }
      return f;
    },
  };
}
