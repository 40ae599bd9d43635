/**
 * The ECA type table's registry: look types up by suffix, name, directory; classify file names.
 * The table itself is plain data in shared/ecaTypes.ts (the client reads it too); users can add
 * rows through the `ecaLens.extraTypes` setting without a new release.
 */
import { ECA_TYPES, OLD_TYPE_NAMES, type EcaTypeInfo } from '../shared/ecaTypes';

export {
  ECA_TYPES,
  OLD_TYPE_NAMES,
  HEADER_TYPE,
  OAUTH_SETTINGS_TYPE,
  GLOBAL_OAUTH_TYPE,
  OAUTH_POLICIES_TYPE,
  CONNECTED_APP_TYPE,
  type EcaTypeInfo,
  type Owner,
  type Packageability,
} from '../shared/ecaTypes';

/** What a file name says about the file. */
export type FileNameInfo =
  | { kind: 'recognized'; fullName: string; type: EcaTypeInfo; /** metadata-format `X.eca` inside source */ metadataFormat: boolean }
  | { kind: 'unrecognized'; fullName: string; suffix: string; reason: 'no-meta' | 'wrong-case' | 'unknown-suffix'; suggestion?: string };

export class TypeRegistry {
  readonly all: readonly EcaTypeInfo[];
  private readonly bySuffixMap = new Map<string, EcaTypeInfo>();
  private readonly bySuffixLower = new Map<string, EcaTypeInfo>();
  private readonly byNameMap = new Map<string, EcaTypeInfo>();
  private readonly byDirLower = new Map<string, EcaTypeInfo>();

  constructor(extra: readonly EcaTypeInfo[] = []) {
    const rows = [...ECA_TYPES];
    for (const e of extra) {
      const i = rows.findIndex((r) => r.name === e.name || r.suffix === e.suffix);
      if (i >= 0) rows[i] = e;
      else rows.push(e);
    }
    this.all = rows;
    for (const t of rows) {
      this.bySuffixMap.set(t.suffix, t);
      this.bySuffixLower.set(t.suffix.toLowerCase(), t);
      this.byNameMap.set(t.name.toLowerCase(), t);
      this.byDirLower.set(t.directory.toLowerCase(), t);
      for (const d of t.oldDirectories ?? []) this.byDirLower.set(d.toLowerCase(), t);
    }
  }

  bySuffix(suffix: string): EcaTypeInfo | undefined {
    return this.bySuffixMap.get(suffix);
  }

  /** Type names are looked up lower-cased, as SDR's getTypeByName does. */
  byName(name: string): EcaTypeInfo | undefined {
    const current = OLD_TYPE_NAMES[name] ?? name;
    return this.byNameMap.get(current.toLowerCase());
  }

  byDirectory(dir: string): EcaTypeInfo | undefined {
    return this.byDirLower.get(dir.toLowerCase());
  }

  /** Every conventional directory name (current and old). */
  directoryNames(): string[] {
    return this.all.flatMap((t) => [t.directory, ...(t.oldDirectories ?? [])]);
  }

  /**
   * Classify a base name. `undefined` means "not an ECA-family file at all".
   * SDR splits with a greedy `(.+)\.(.+)-meta\.xml` and matches the suffix case-sensitively.
   */
  classifyFileName(base: string): FileNameInfo | undefined {
    let m = splitName(base, '-meta.xml', /^(.+)\.([^.]+)-meta\.xml$/);
    if (m) {
      const [fullName, suffix] = m;
      const exact = this.bySuffixMap.get(suffix);
      if (exact) return { kind: 'recognized', fullName, type: exact, metadataFormat: false };
      const ci = this.bySuffixLower.get(suffix.toLowerCase());
      if (ci) return { kind: 'unrecognized', fullName, suffix, reason: 'wrong-case', suggestion: `${fullName}.${ci.suffix}-meta.xml` };
      if (looksEca(suffix)) {
        const near = this.nearestSuffix(suffix);
        return { kind: 'unrecognized', fullName, suffix, reason: 'unknown-suffix', suggestion: near ? `${fullName}.${near}-meta.xml` : undefined };
      }
      return undefined;
    }
    m = splitName(base, '.xml', /^(.+)\.([^.]+)\.xml$/);
    if (m) {
      const [fullName, suffix] = m;
      const t = this.bySuffixLower.get(suffix.toLowerCase());
      if (t) return { kind: 'unrecognized', fullName, suffix, reason: 'no-meta', suggestion: `${fullName}.${t.suffix}-meta.xml` };
      return undefined;
    }
    m = splitName(base, '', /^(.+)\.([^.]+)$/);
    if (m) {
      const [fullName, suffix] = m;
      const t = this.bySuffixMap.get(suffix);
      // Metadata format inside a source folder: SDR accepts it with a warning.
      if (t) return { kind: 'recognized', fullName, type: t, metadataFormat: true };
    }
    return undefined;
  }

  /**
   * The one suffix `s` is a typo of: at most a quarter of its letters off (1 to 3 edits), and no
   * other suffix as close. `ecaFoo` suggests nothing (it is 3 edits from `eca`, the header).
   */
  private nearestSuffix(s: string): string | undefined {
    let best: string | undefined;
    let bestD = Infinity;
    let tie = false;
    for (const t of this.all) {
      const d = editDistance(s.toLowerCase(), t.suffix.toLowerCase());
      if (d < bestD) {
        bestD = d;
        best = t.suffix;
        tie = false;
      } else if (d === bestD) tie = true;
    }
    const limit = Math.min(3, Math.max(1, Math.floor(s.length / 4)));
    return !tie && bestD <= limit ? best : undefined;
  }
}

function looksEca(suffix: string): boolean {
  return /^eca/i.test(suffix) || /^extlclntapp/i.test(suffix);
}

/** Levenshtein distance, small strings only. */
export function editDistance(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

/**
 * `re` (`^(.+)\.([^.]+)<end>$`) as string operations: the suffix is what follows the stem's last
 * dot. A cold index classifies every file name of the project (25,000 on the bench tree), and a
 * match array each was a tenth of what it allocated. A name with a line terminator goes to the
 * regular expression itself (its `.` does not match one).
 */
export function splitName(base: string, end: string, re: RegExp): [fullName: string, suffix: string] | undefined {
  if (/[\n\r\u2028\u2029]/.test(base)) {
    const m = re.exec(base);
    return m ? [m[1]!, m[2]!] : undefined;
  }
  if (!base.endsWith(end)) return undefined;
  const stemEnd = base.length - end.length;
  const dot = base.lastIndexOf('.', stemEnd - 1);
  if (dot < 1 || dot >= stemEnd - 1) return undefined;
  return [base.slice(0, dot), base.slice(dot + 1, stemEnd)];
}
