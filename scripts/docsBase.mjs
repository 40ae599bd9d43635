// The documentation base the build bakes in (ECA_LENS_DOCS_BASE): package.json's `repository`,
// when it is on GitHub, → its blob/main/docs/rules/ folder. Same rule as
// server/src/shared/docs.ts docsBaseFromRepository (a unit test checks they agree).
export function docsBaseFromRepository(repository) {
  const url = typeof repository === 'string' ? repository : repository && typeof repository === 'object' ? repository.url : undefined;
  if (typeof url !== 'string') return undefined;
  const m = /github\.com[/:]([^/\s]+)\/([^/\s#]+?)(?:\.git)?\/?$/i.exec(url.trim());
  return m ? `https://github.com/${m[1]}/${m[2]}/blob/main/docs/rules/` : undefined;
}
