/**
 * Rule: callback-url-insecure
 *
 * An `http://` callback URL to a host other than the loopback (`localhost`, `127.x.x.x`, `[::1]`)
 * (ECA global OAuth settings `callbackUrl`, one URL a line; Connected App `oauthConfig/callbackUrl`).
 * The authorization code then travels in clear text. Each offending line is reported on its own.
 * Fix (suggestion: the receiving server must speak HTTPS): `https://`.
 */
import { defineRule, postureOf, type RawFinding } from './kit';

function host(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return /^http:\/\/(?:[^@/]*@)?(\[[^\]]*\]|[^/:?#]*)/i.exec(url)?.[1]?.toLowerCase();
  }
}

function isLoopback(h: string): boolean {
  return h === 'localhost' || h.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(h) || h === '[::1]';
}

export const rule = defineRule({
  id: 'callback-url-insecure',
  severity: 'warning',
  title: 'A callback URL uses http:// to a host that is not the loopback',
  appliesTo: ['ExtlClntAppGlobalOauthSettings', 'ConnectedApp'],
  needsXml: true,
  check(ctx) {
    const p = postureOf(ctx);
    const items = p?.callbackUrls.items;
    if (!items) return [];
    const out: RawFinding[] = [];
    for (const u of items) {
      if (u.path !== ctx.file.path || !/^http:\/\//i.test(u.url)) continue;
      const h = host(u.url);
      if (h === undefined || isLoopback(h)) continue;
      const message = `Callback URL "${u.url}" uses http://: the authorization code travels in clear text to ${h}. Use https:// (http:// is only fine for localhost).`;
      const fix = ctx.fix('Use https://', ctx.edit(ctx.file.path, u.start, u.start + 'http://'.length, 'https://'), { kind: 'suggestion', preferred: true });
      out.push(ctx.finding({ start: u.start, end: u.end }, message, fix));
    }
    return out;
  },
});
