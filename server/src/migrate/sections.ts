/**
 * The complex elements of a Connected App, one converter each: `oauthConfig` (flags, callback URLs,
 * certificate, permitted users, scopes, ID and asset token settings), `oauthPolicy` (IP relaxation,
 * refresh token policy, token exchange, single logout), `sessionPolicy` and `ipRanges`. Each writes
 * into the Collector and accounts for every child element (mapped or unmapped with the reason);
 * `Leaf` is convert.ts's writer for a single-valued element.
 */
import type { XmlElement } from '../metadata/parse';
import { bool, isTrue, type Collector } from './collector';
import { ASSET_TOKEN_FIELDS, GLOBAL_FLAGS, ID_TOKEN_FIELDS, IP_RELAXATION, KNOWN_SCOPES, POLICY_ACTIONS, REFRESH_KIND, REFRESH_UNIT, SCOPE_RENAMES, SECRET_WHY, SESSION_LEVELS } from './tables';
import type { EcaFileKind } from './types';
import type { XNode } from './xmlWrite';

export type Leaf = (el: XmlElement, kind: EcaFileKind, to: string, value?: string, inferred?: boolean) => void;

export function convertOauthConfig(c: Collector, o: XmlElement, leaf: Leaf): void {
  const scopes: XmlElement[] = [];
  let adminApproved: XmlElement | undefined;
  for (const el of o.children) {
    const n = el.name;
    const g = GLOBAL_FLAGS[n];
    if (g) {
      leaf(el, 'globalOauth', g.to, bool(el.text), g.inferred);
      if (n === 'isClientCredentialEnabled' && el.text.trim() !== '') leaf(el, 'oauthPolicies', 'isClientCredentialsFlowEnabled', bool(el.text));
      continue;
    }
    switch (n) {
      case 'callbackUrl': {
        const urls = el.text
          .split(/\r?\n|\r/)
          .map((s) => s.trim())
          .filter((s) => s !== '');
        leaf(el, 'globalOauth', 'callbackUrl', urls.join('\n'));
        break;
      }
      case 'certificate':
        leaf(el, 'globalOauth', 'certificate');
        break;
      case 'consumerKey':
      case 'consumerSecret':
        c.unmap(el, SECRET_WHY);
        break;
      case 'isAdminApproved':
        adminApproved = el;
        leaf(el, 'oauthPolicies', 'permittedUsersPolicyType', isTrue(el) ? 'AdminApprovedPreAuthorized' : 'AllSelfAuthorized');
        break;
      case 'oauthClientCredentialUser':
        leaf(el, 'oauthPolicies', 'clientCredentialsFlowUser');
        break;
      case 'scopes':
        scopes.push(el);
        break;
      case 'singleLogoutUrl':
        leaf(el, 'oauthSettings', 'singleLogoutUrl', el.text, true);
        break;
      case 'idTokenConfig': {
        const kids: XNode[] = [];
        for (const k of el.children) {
          const to = ID_TOKEN_FIELDS[k.name];
          if (!to) c.unmap(k, 'no idTokenConfig field of the global OAuth settings is known to hold it');
          else if (k.text.trim() === '') c.unmap(k, 'empty: nothing to carry over');
          else {
            kids.push({ name: to, value: k.text });
            c.map(k, 'globalOauth', `idTokenConfig/${to}`, true);
          }
        }
        if (kids.length) c.put('globalOauth', { name: 'idTokenConfig', children: kids });
        else if (!el.children.length) c.unmap(el, 'empty: nothing to carry over');
        break;
      }
      case 'assetTokenConfig':
        for (const k of el.children) {
          const to = ASSET_TOKEN_FIELDS[k.name];
          if (!to) c.unmap(k, 'no asset-token field of the OAuth settings is known to hold it');
          else leaf(k, 'oauthSettings', to, k.text, true);
        }
        if (!el.children.length) c.unmap(el, 'empty: nothing to carry over');
        break;
      default:
        c.unmap(el, 'no External Client App field is known to hold it; check it by hand');
    }
  }
  if (!adminApproved) {
    c.put('oauthPolicies', { name: 'permittedUsersPolicyType', value: 'AllSelfAuthorized' });
    c.note('isAdminApproved is absent (false by default): the OAuth policies say AllSelfAuthorized, every user may self-authorize', o);
  }
  if (scopes.length) {
    const tokens: string[] = [];
    for (const s of scopes) {
      const t = s.text.trim();
      if (!t) continue;
      if (!KNOWN_SCOPES.has(t)) c.note(`scope "${t}" is not a known Connected App scope; it is written as is`, s);
      const v = SCOPE_RENAMES[t] ?? t;
      if (!tokens.includes(v)) tokens.push(v);
    }
    if (tokens.length) {
      c.put('oauthSettings', { name: 'commaSeparatedOauthScopes', value: tokens.join(', ') });
      for (const s of scopes) c.map(s, 'oauthSettings', 'commaSeparatedOauthScopes');
    } else for (const s of scopes) c.unmap(s, 'empty: nothing to carry over');
  }
}

export function convertOauthPolicy(c: Collector, p: XmlElement, leaf: Leaf): void {
  for (const el of p.children) {
    const v = el.text.trim();
    switch (el.name) {
      case 'ipRelaxation': {
        const to = IP_RELAXATION[v.toUpperCase()];
        if (to) leaf(el, 'oauthPolicies', 'ipRelaxationPolicyType', to, v.toUpperCase() !== 'BYPASS');
        else c.unmap(el, `unknown ipRelaxation value (expected ${Object.keys(IP_RELAXATION).join(', ')})`);
        break;
      }
      case 'refreshTokenPolicy': {
        const r = refreshTokenPolicy(v);
        if (!r) {
          c.unmap(el, 'unknown refreshTokenPolicy value (expected infinite, zero, specific_lifetime:N:HOURS|DAYS|MONTHS or specific_inactivity:N:...)');
          break;
        }
        c.put('oauthPolicies', { name: 'refreshTokenPolicyType', value: r.type });
        c.map(el, 'oauthPolicies', 'refreshTokenPolicyType', v.toLowerCase() !== 'infinite');
        if (r.period !== undefined) {
          c.put('oauthPolicies', { name: 'refreshTokenValidityPeriod', value: r.period });
          c.put('oauthPolicies', { name: 'refreshTokenValidityUnit', value: r.unit! });
          c.map(el, 'oauthPolicies', 'refreshTokenValidityPeriod', true);
          c.map(el, 'oauthPolicies', 'refreshTokenValidityUnit', true);
        }
        break;
      }
      case 'isTokenExchangeFlowEnabled':
        leaf(el, 'oauthPolicies', 'isTokenExchangeFlowEnabled', bool(el.text));
        break;
      case 'singleLogoutUrl': {
        const prev = c.has('oauthSettings', 'singleLogoutUrl');
        if (prev && prev.value !== el.text) c.unmap(el, 'oauthConfig/singleLogoutUrl already gives the OAuth settings a different single logout URL');
        else leaf(el, 'oauthSettings', 'singleLogoutUrl', el.text, true);
        break;
      }
      default:
        c.unmap(el, 'no External Client App policy field is known to hold it; check it by hand');
    }
  }
}

/** `specific_lifetime:1:HOURS` → SpecificLifetime, 1, Hours. */
export function refreshTokenPolicy(v: string): { type: string; period?: string; unit?: string } | undefined {
  const t = v.trim();
  if (/^infinite$/i.test(t)) return { type: 'Infinite' };
  if (/^zero$/i.test(t)) return { type: 'Zero' };
  const m = /^(specific_lifetime|specific_inactivity):(\d+):([A-Za-z]+)$/i.exec(t);
  if (!m) return undefined;
  const type = REFRESH_KIND[m[1]!.toLowerCase()];
  const unit = REFRESH_UNIT[m[3]!.toUpperCase()];
  if (!type || !unit) return undefined;
  return { type, period: String(Number(m[2])), unit };
}

export function convertSessionPolicy(c: Collector, p: XmlElement, leaf: Leaf): void {
  for (const el of p.children) {
    const v = el.text.trim();
    switch (el.name) {
      case 'sessionTimeout':
        if (/^\d+$/.test(v)) leaf(el, 'oauthPolicies', 'sessionTimeoutInMinutes', v);
        else c.unmap(el, 'sessionTimeout is not a whole number of minutes');
        break;
      case 'sessionLevel': {
        const level = SESSION_LEVELS.find((s) => s === v.toUpperCase());
        if (level) leaf(el, 'oauthPolicies', 'requiredSessionLevel', level);
        else c.unmap(el, `unknown session level (expected ${SESSION_LEVELS.join(', ')})`);
        break;
      }
      case 'policyAction': {
        const action = POLICY_ACTIONS.find((a) => a.toLowerCase() === v.toLowerCase().replace(/_/g, ''));
        if (action) leaf(el, 'oauthPolicies', 'policyAction', action);
        else c.unmap(el, `unknown policy action (expected ${POLICY_ACTIONS.join(', ')})`);
        break;
      }
      default:
        c.unmap(el, 'no External Client App policy field is known to hold it; check it by hand');
    }
  }
}

export function convertIpRange(c: Collector, r: XmlElement): void {
  const names: Record<string, string> = { start: 'startIpAddress', end: 'endIpAddress', description: 'description' };
  const start = r.children.find((k) => k.name === 'start' && k.text.trim() !== '');
  const end = r.children.find((k) => k.name === 'end' && k.text.trim() !== '');
  if (!start || !end) {
    c.unmap(r, 'an IP range needs both start and end');
    return;
  }
  const kids: XNode[] = [];
  for (const k of r.children) {
    const to = names[k.name];
    if (!to) c.unmap(k, 'no trustedIpRanges field is known to hold it');
    else if (k.text.trim() === '') c.unmap(k, 'empty: nothing to carry over');
    else {
      kids.push({ name: to, value: k.text.trim() });
      c.map(k, 'oauthSettings', `trustedIpRanges/${to}`, true);
    }
  }
  c.put('oauthSettings', { name: 'trustedIpRanges', children: kids });
}
