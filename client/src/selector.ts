/** Which files the client hands to the server (document selector, file watcher), from the type table. */
import { ECA_TYPES, type EcaTypeInfo } from '../../server/src/shared/ecaTypes';

export interface SelectorEntry {
  scheme: 'file';
  pattern?: string;
  language?: string;
}

/** `**\/*.{eca,ecaOauth,...}-meta.xml`, metadata-format `X.eca`, and misnamed ECA-looking files. */
export function ecaFilePatterns(types: readonly EcaTypeInfo[] = ECA_TYPES): string[] {
  const suffixes = types.map((t) => t.suffix).join(',');
  return [
    `**/*.{${suffixes}}-meta.xml`,
    `**/*.{${suffixes}}`,
    // Wrong case or no `-meta` (`X.ecaOAuth-meta.xml`, `X.eca.xml`): the server says why sf drops them.
    '**/*.[eE][cC][aA]*.xml',
  ];
}

export function documentSelector(types: readonly EcaTypeInfo[] = ECA_TYPES): SelectorEntry[] {
  return [
    ...ecaFilePatterns(types).map((pattern) => ({ scheme: 'file' as const, pattern })),
    // `.forceignore` stays VS Code's `ignore` language (or plain text): matched by name only.
    { scheme: 'file', pattern: '**/.forceignore' },
    { scheme: 'file', pattern: '**/sfdx-project.json' },
  ];
}

/** Globs for the file watchers (VS Code globs take no nested braces: one watcher each). */
export function watcherGlobs(types: readonly EcaTypeInfo[] = ECA_TYPES): string[] {
  return ['**/sfdx-project.json', '**/.forceignore', '**/.gitignore', ...ecaFilePatterns(types)];
}

/**
 * Whether a changed file can change what the views show: an ECA-family file, `.forceignore`
 * or `sfdx-project.json` (the views refresh when the diagnostics of such a file change).
 */
export function isEcaLensPath(p: string, types: readonly EcaTypeInfo[] = ECA_TYPES): boolean {
  const base = p.slice(p.lastIndexOf('/') + 1);
  if (base === '.forceignore' || base === 'sfdx-project.json') return true;
  if (/\.eca[^.]*(\.xml)?$/i.test(base) || /\.eca[^.]*-meta\.xml$/i.test(base)) return true;
  return types.some((t) => base.endsWith(`.${t.suffix}-meta.xml`) || base.endsWith(`.${t.suffix}`));
}
