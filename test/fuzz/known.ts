/**
 * Engine bugs the fuzzer found that are routed to the core's owner and not fixed yet. A failure
 * that matches one is counted as known (printed, not failing the run) unless `--strict`.
 * Remove an entry when its bug is fixed; the run then fails if the bug is still there.
 */
import type { Failure } from './props';
import type { FuzzFiles } from './gen';

export interface KnownBug {
  id: string;
  matches(f: Failure, files: FuzzFiles): boolean;
}

const textOf = (files: FuzzFiles, rel: string | undefined) => {
  const c = rel ? files[rel] : undefined;
  if (!c) return '';
  if ('text' in c) return c.text;
  const b = Buffer.from(c.base64, 'base64');
  if (b[0] === 0xff && b[1] === 0xfe) return b.subarray(2).toString('utf16le');
  if (b[0] === 0xfe && b[1] === 0xff) return Buffer.from(b.subarray(2)).swap16().toString('utf16le');
  return b.toString('utf8');
};
const forceIgnores = (files: FuzzFiles) => Object.keys(files).filter((k) => k.endsWith('.forceignore')).map((k) => textOf(files, k));

export const KNOWN_BUGS: KnownBug[] = [
  {
    // applyPlan writes every edited file back as UTF-8: a UTF-16 ECA file loses its encoding.
    id: 'utf16-rewritten-as-utf8',
    matches: (f) => f.property === 'outside' && /encoding changed from utf16(le|be) to utf8/.test(f.detail),
  },
  {
    // oauth-link-invalid reports one of two <oauthLink> elements; its fix removes one; the other stays.
    id: 'duplicate-oauthLink',
    matches: (f, files) =>
      (f.property === 'recheck' || f.property === 'idempotent') && f.detail.includes('oauth-link-invalid') && (textOf(files, f.path).match(/<oauthLink\b/g)?.length ?? 0) >= 2,
  },
  {
    // A .forceignore whose line breaks are lone CRs: the appended line joins the previous line for
    // `ignore`/SDR (they split on \n only), so the added pattern never matches.
    id: 'forceignore-lone-cr',
    matches: (f, files) => (f.property === 'recheck' || f.property === 'idempotent') && forceIgnores(files).some((t) => /\r(?!\n)/.test(t)),
  },
  {
    // patternSpan drops a U+FEFF that starts a line but not from the offsets: the fix edit lands one
    // character early (`*.ecaOauthPlcy` → `*.ecaOauthPlc-meta.xmly`).
    id: 'forceignore-inner-bom-offset',
    matches: (f, files) => (f.property === 'recheck' || f.property === 'idempotent' || f.property === 'outside') && forceIgnores(files).some((t) => t.lastIndexOf('\uFEFF') > 0),
  },
  {
    // ForceIgnoreFile's constructor passes the file to `ignore().add()`, which throws SyntaxError
    // (invalid regular expression) on some lines, e.g. "[a-\r**/extlClntAppGlobalOauthSets/**   \r\\#hash\r/\rpackaged\rpackage.xml".
    id: 'forceignore-regex-throws',
    matches: (f) => f.property === 'crash' && f.detail.includes('Invalid regular expression') && f.detail.includes('ForceIgnoreFile'),
  },
];

export function knownBug(f: Failure, files: FuzzFiles): string | undefined {
  return KNOWN_BUGS.find((k) => k.matches(f, files))?.id;
}
