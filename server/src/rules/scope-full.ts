/**
 * Rule: scope-full
 *
 * The `Full` OAuth scope (ECA OAuth settings `commaSeparatedOauthScopes`; Connected App
 * `<scopes>Full</scopes>`). Full access lets a stolen token do everything the user can, UI
 * restrictions bypassed; the Security Health Review rates it Critical. Use `Api` and grant the
 * integration user what it needs through permission sets.
 * Fix (suggestion: it narrows what the app may do): replace `Full` with `Api`, or remove `Full`
 * when `Api` is already listed (the ", " separators stay right).
 */
import { removeElement, replaceContent } from '../edits/textEdits';
import { defineRule, postureOf, type RawFinding, type TextEdit } from './kit';

export const rule = defineRule({
  id: 'scope-full',
  severity: 'warning',
  title: 'The app asks for the Full OAuth scope',
  appliesTo: ['ExtlClntAppOauthSettings', 'ConnectedApp'],
  needsXml: true,
  check(ctx) {
    const p = postureOf(ctx);
    const items = p?.scopes.items;
    if (!p || !items) return [];
    const hasApi = items.some((s) => s.name === 'Api');
    const out: RawFinding[] = [];
    items.forEach((s, i) => {
      if (s.name !== 'Full' || s.path !== ctx.file.path) return;
      let edit: TextEdit;
      let title: string;
      if (hasApi) {
        title = 'Remove the Full scope (Api is already listed)';
        if (p.kind === 'connectedApp') edit = ctx.edit(ctx.file.path, removeElement(ctx.doc.text, s.element));
        else {
          const next = items[i + 1];
          const prev = items[i - 1];
          edit = next ? ctx.edit(ctx.file.path, s.start, next.start, '') : ctx.edit(ctx.file.path, prev ? prev.end : s.start, s.end, '');
        }
      } else {
        title = 'Replace the Full scope with Api';
        edit = p.kind === 'connectedApp' ? ctx.edit(ctx.file.path, replaceContent(s.element, 'Api')) : ctx.edit(ctx.file.path, s.start, s.end, 'Api');
      }
      const message = 'The Full scope gives a token everything the user can do, UI restrictions bypassed (Critical in the Security Health Review). ' +
        'Ask for Api instead and grant the integration user what it needs with permission sets.';
      out.push(ctx.finding({ start: s.start, end: s.end }, message, ctx.fix(title, edit, { kind: 'suggestion', preferred: true })));
    });
    return out;
  },
});
