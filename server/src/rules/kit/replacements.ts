/**
 * `sfdx-project.json` `replacements` (string replacement on deploy), as SDR applies them
 * (source-deploy-retrieve `convert/replacements.ts`): an entry is
 * `{ "filename" | "glob": ..., "stringToReplace" | "regexToReplace": ..., "replaceWithEnv" | "replaceWithFile": ... }`;
 * `filename` matches when the file's absolute path ends with it, `glob` when
 * `minimatch(absolutePath, "**\/" + glob)` does. Read through the model (`ctx.textOf`), never the disk.
 */
import { parse as parseJsonc } from 'jsonc-parser';
import type { EcaFileContext } from './types';

interface Replacement {
  filename?: unknown;
  glob?: unknown;
  stringToReplace?: unknown;
  regexToReplace?: unknown;
}

function posix(p: string): string {
  return p.split('\\').join('/');
}

/** A glob (minimatch subset: `**`, `*`, `?`, `{a,b}`, `[...]`) as a regular expression source. */
function globSource(glob: string): string {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const segStart = i === 0 || glob[i - 1] === '/';
        i++;
        if (segStart && glob[i + 1] === '/') {
          out += '(?:.*/)?';
          i++;
        } else out += '.*';
      } else out += '[^/]*';
    } else if (c === '?') out += '[^/]';
    else if (c === '{') {
      const close = glob.indexOf('}', i);
      if (close < 0) out += '\\{';
      else {
        out += `(?:${glob.slice(i + 1, close).split(',').map(globSource).join('|')})`;
        i = close;
      }
    } else if (c === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close < 0) out += '\\[';
      else {
        out += `[${glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else out += c.replace(/[.+^$()|\\]/g, '\\$&');
  }
  return out;
}

function matchesFile(r: Replacement, absPath: string): boolean {
  const p = posix(absPath);
  if (typeof r.filename === 'string' && r.filename && p.endsWith(posix(r.filename))) return true;
  if (typeof r.glob === 'string' && r.glob) {
    try {
      return new RegExp(`^(?:.*/)?${globSource(posix(r.glob))}$`).test(p);
    } catch {
      return false;
    }
  }
  return false;
}

function replacesIn(r: Replacement, text: string): boolean {
  if (typeof r.stringToReplace === 'string') return r.stringToReplace !== '' && text.includes(r.stringToReplace);
  if (typeof r.regexToReplace === 'string') {
    try {
      return new RegExp(r.regexToReplace).test(text);
    } catch {
      return false;
    }
  }
  return false;
}

/**
 * Does a `replacements` entry of sfdx-project.json cover file `absPath` and replace something in
 * `text` (the element's source, tags included)? Then the value in source is not what deploys.
 */
export function replacementCovers(ctx: Pick<EcaFileContext, 'project' | 'textOf'>, absPath: string, text: string): boolean {
  const json = ctx.textOf(ctx.project.projectFilePath);
  if (!json) return false;
  let config: unknown;
  try {
    config = parseJsonc(json.text);
  } catch {
    return false;
  }
  const list = (config as { replacements?: unknown } | undefined)?.replacements;
  if (!Array.isArray(list)) return false;
  return list.some((r) => typeof r === 'object' && r !== null && matchesFile(r as Replacement, absPath) && replacesIn(r as Replacement, text));
}
