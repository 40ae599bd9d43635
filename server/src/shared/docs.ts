/**
 * Where a rule's documentation lives: the page `docs/rules/<id>.md` shipped in the .vsix and the
 * npm package (`docsPath`, opened offline by the VS Code client), and a URL for clients that open
 * links (`docsUrl`, the diagnostics' `codeDescription.href`, SARIF `helpUri`, `eca-lens rules`).
 *
 * The URL's base, first that is set: the `base` argument (the server passes `ecaLens.docsBaseUrl`),
 * the environment variable ECA_LENS_DOCS_BASE_URL, the base the build derived from package.json's
 * `repository` (a fork that changes `repository` links to itself), else DEFAULT_DOCS_BASE.
 */

export const DEFAULT_DOCS_BASE = 'https://github.com/eca-lens/eca-lens/blob/main/docs/rules/';
/** Kept for the existing importers: the default base. */
export const DOCS_BASE = DEFAULT_DOCS_BASE;
export const DOCS_BASE_ENV = 'ECA_LENS_DOCS_BASE_URL';

/** The page's path relative to the package root (the extension folder, the npm package). */
export function docsPath(id: string): string {
  return `docs/rules/${id}.md`;
}

/** A usable base (http, https or file URL, ending in `/`), or undefined. */
export function normalizeDocsBase(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const s = raw.trim();
  if (!/^(https?|file):\/\/\S+$/i.test(s)) return undefined;
  return s.endsWith('/') ? s : `${s}/`;
}

/**
 * `https://github.com/<owner>/<repo>(.git)` (or `git+https://`, `git@github.com:`) → its
 * `blob/main/docs/rules/` folder; undefined for other hosts. scripts/build.mjs uses it.
 */
export function docsBaseFromRepository(repository: unknown): string | undefined {
  const url = typeof repository === 'string' ? repository : repository && typeof repository === 'object' ? (repository as { url?: unknown }).url : undefined;
  if (typeof url !== 'string') return undefined;
  const m = /github\.com[/:]([^/\s]+)\/([^/\s#]+?)(?:\.git)?\/?$/i.exec(url.trim());
  return m ? `https://github.com/${m[1]}/${m[2]}/blob/main/docs/rules/` : undefined;
}

declare const ECA_LENS_DOCS_BASE: string | undefined;

/** The base when no setting says otherwise: environment, build, default. */
export function defaultDocsBase(): string {
  const env = typeof process !== 'undefined' ? process.env?.[DOCS_BASE_ENV] : undefined;
  const built = typeof ECA_LENS_DOCS_BASE === 'string' ? ECA_LENS_DOCS_BASE : undefined;
  return normalizeDocsBase(env) ?? normalizeDocsBase(built) ?? DEFAULT_DOCS_BASE;
}

export function docsUrl(id: string, base?: string): string {
  return `${normalizeDocsBase(base) ?? defaultDocsBase()}${id}.md`;
}
