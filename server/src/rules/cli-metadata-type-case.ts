/**
 * Rule: cli-metadata-type-case
 *
 * `sf project retrieve start --metadata ExternalClientApplication:Billing` (also `-m`,
 * `--metadata=`, several values space- or comma-separated, `sfdx force:source:retrieve -m`) in
 * package.json scripts, shell scripts and CI files, with an ECA type name in PascalCase. The
 * packaging guide reports that PascalCase retrieves nothing; current SDR lower-cases type names, so
 * this is advice (information), not an error: the lower-case spelling is the one that works. Fix
 * (safe): lower-case the type part only (never the member name). Offsets are into the raw text, so
 * a JSON string's escapes (`\"`) stay as written.
 */
import { defineRule, ecaTypeNames, type RawFinding } from './kit';

/** Where retrieve commands live: npm scripts, shell scripts, CI configuration. node_modules is never listed. */
export const COMMAND_FILES = [
  '**/package.json',
  '**/*.sh',
  '**/*.bash',
  '.github/workflows/*.yml',
  '.github/workflows/*.yaml',
  '.gitlab-ci.yml',
  'azure-pipelines.yml',
  'bitbucket-pipelines.yml',
  '**/Jenkinsfile',
];

/** A retrieve command; what follows it up to the end of the command is read for --metadata values. */
const COMMAND = /\b(?:sf|sfdx)\s+(?:project\s+retrieve\s+start|force:source:retrieve)\b/g;

export const rule = defineRule({
  id: 'cli-metadata-type-case',
  severity: 'information',
  title: 'An ECA type name given to sf ... --metadata in PascalCase (lower-case is the safe spelling)',
  scope: 'project',
  check(ctx) {
    const names = new Map(ecaTypeNames(ctx.project.types).map((n) => [n.toLowerCase(), n]));
    const out: RawFinding[] = [];
    for (const p of ctx.project.listFiles(COMMAND_FILES)) {
      const doc = ctx.textOf(p);
      if (!doc || !/retrieve/.test(doc.text)) continue;
      const json = /(^|[\\/])package\.json$/.test(p);
      for (const t of metadataTypeTokens(doc.text, json)) {
        const known = names.get(t.type.toLowerCase());
        if (!known || t.type === t.type.toLowerCase()) continue;
        const lower = t.type.toLowerCase();
        out.push(
          ctx.finding(
            { start: t.start, end: t.start + t.type.length },
            `Type "${t.type}" given to --metadata in PascalCase: the packaging guide reports that PascalCase ECA type names retrieve nothing. Write "${lower}" (the lower-case spelling works with every sf version).`,
            { path: p, fixes: [ctx.fix(`Change to ${lower}`, ctx.edit(p, t.start, t.start + t.type.length, lower), { kind: 'safe', preferred: true })] },
          ),
        );
      }
    }
    return out;
  },
});

export interface TypeToken {
  /** The type part of a `--metadata` value (before `:`). */
  type: string;
  /** Its offset in the text. */
  start: number;
}

/**
 * The type parts of every `--metadata` / `-m` value of every retrieve command in `text`. A command
 * ends at a line break (unless escaped with `\`), `;`, `&`, `|`, a backtick, or, inside a JSON
 * string (`json`), at the string's closing quote.
 */
export function metadataTypeTokens(text: string, json: boolean): TypeToken[] {
  const out: TypeToken[] = [];
  COMMAND.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = COMMAND.exec(text))) {
    let end = m.index + m[0].length;
    while (end < text.length) {
      const c = text[end]!;
      if (c === '\\' && (text[end + 1] === '\n' || (text[end + 1] === '\r' && text[end + 2] === '\n'))) {
        end += text[end + 1] === '\r' ? 3 : 2;
        continue;
      }
      if (json && c === '\\') {
        end += 2; // an escape inside the JSON string: \" \\ \n ...
        continue;
      }
      if (c === '\n' || c === ';' || c === '&' || c === '|' || c === '`' || (json && c === '"')) break;
      end++;
    }
    // Tokens: runs of non-space characters (a JSON "\n" escape separates too).
    const seg = text.slice(m.index + m[0].length, end);
    const base = m.index + m[0].length;
    const tokens: { s: string; start: number }[] = [];
    const re = json ? /(?:\\[nrt]|\s)+|((?:[^\s\\]|\\[^nrt])+)/g : /\s+|(\S+)/g;
    let t: RegExpExecArray | null;
    while ((t = re.exec(seg))) if (t[1] !== undefined) tokens.push({ s: t[1], start: base + t.index });
    for (let i = 0; i < tokens.length; i++) {
      const tok = tokens[i]!;
      const values: { s: string; start: number }[] = [];
      const flag = /^(--metadata|-m)(=)?/.exec(tok.s);
      if (!flag || (flag[0].length < tok.s.length && !flag[2])) continue;
      if (flag[2]) values.push({ s: tok.s.slice(flag[0].length), start: tok.start + flag[0].length });
      else {
        // Every following token up to the next flag (sf takes several values after one flag).
        let j = i + 1;
        while (j < tokens.length && !/^["'\\]*-/.test(tokens[j]!.s)) values.push(tokens[j++]!);
      }
      for (const v of values) {
        // Quotes around the value (', ", \" in JSON) and commas between several values.
        const item = /[^"'\\,]+/g;
        let x: RegExpExecArray | null;
        while ((x = item.exec(v.s))) {
          const type = /^[A-Za-z][A-Za-z0-9_]*/.exec(x[0]);
          if (type) out.push({ type: type[0], start: v.start + x.index });
        }
      }
    }
  }
  return out;
}
