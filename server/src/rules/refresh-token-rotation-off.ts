/**
 * Rule: refresh-token-rotation-off
 *
 * Refresh tokens can be issued (a `RefreshToken` or `OfflineAccess` scope) and
 * `isRefreshTokenRotationEnabled` is not true (ECA global OAuth settings; Connected App
 * `oauthConfig`). Without rotation a leaked refresh token stays valid for its whole lifetime;
 * rated High in the Security Health Review, and required of AppExchange partners.
 * Reported in the file that holds the setting; silent when that file is not in the project (the
 * global settings normally are not) or when the scopes are unknown.
 * Fix (suggestion: clients must store the new refresh token each time): set it to true.
 */
import { APPEXCHANGE_NOTE, defineRule, heldHere, isPackagedApp, postureOf, relatedAt, setSettingEdit, settingSpan } from './kit';

export const rule = defineRule({
  id: 'refresh-token-rotation-off',
  severity: 'warning',
  title: 'Refresh tokens are issued without refresh token rotation',
  appliesTo: ['ExtlClntAppGlobalOauthSettings', 'ConnectedApp'],
  needsXml: true,
  check(ctx) {
    const p = postureOf(ctx);
    if (!p || p.flows.refreshToken.enabled !== true) return [];
    const s = p.rotation;
    if (!heldHere(ctx, s) || s.value === true) return [];
    const how = s.explicit ? `isRefreshTokenRotationEnabled is ${s.raw === '' ? 'empty' : `"${s.raw}"`}` : 'isRefreshTokenRotationEnabled is not set (off by default)';
    const message = `The app can get refresh tokens (RefreshToken or OfflineAccess scope) but ${how}: ` +
      'a leaked refresh token stays valid until it expires. Turn rotation on (High in the Security Health Review).' +
      (isPackagedApp(ctx, p) ? APPEXCHANGE_NOTE : '');
    // ECA: the scope is in the OAuth settings, another file; point there too.
    const related = p.flows.refreshToken.sources.filter((r) => r.path !== ctx.file.path).slice(0, 1).map((r) => relatedAt(ctx, r, 'Refresh tokens are requested here'));
    // Built when asked for (LazyFixes): the setting and the edit are in this file, whose change
    // re-checks it, so what the closure holds stays true while the finding does.
    const fixes = () => {
      const edit = setSettingEdit(ctx, s, 'isRefreshTokenRotationEnabled', 'true');
      return edit ? [ctx.fix('Turn refresh token rotation on', edit, { kind: 'suggestion', preferred: true })] : [];
    };
    // setSettingEdit gives an edit whenever the file has a text (hasFixes: the tree need not build it).
    return [ctx.finding(settingSpan(s), message, { fixes, hasFixes: !!ctx.file.doc, autoFixable: false, ...(related.length ? { related } : {}) })];
  },
});
