/**
 * Salesforce id shapes, written once for the server, the rules and the client: an org id is `00D`
 * followed by 12 or 15 letters and digits; a consumer id (the second part of `oauthLink`) is `888`
 * followed by the same.
 */
export const ORG_ID = /^00D[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?$/;
export const CONSUMER_ID = /^888[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?$/;
/** The same org-id shape for embedding in a larger pattern (no anchors, no groups that capture). */
export const ORG_ID_SOURCE = '00D[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?';

export function isOrgId(s: string): boolean {
  return ORG_ID.test(s);
}
