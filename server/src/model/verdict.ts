/** Does an ECA-family file ship (SDR semantics), and if a `.forceignore` keeps it out, by which line. */
import * as path from 'node:path';
import type { EcaTypeInfo } from '../metadata/types';
import type { PackageDirectory } from '../project/sfdxProject';
import type { Exclusion, ForceIgnoreFile } from '../project/forceIgnore';
import type { EcaFile } from './types';

/**
 * Why a file is excluded, following its `.forceignore` by path (`current`: the model's file of
 * that path now). An edit of that `.forceignore` that leaves the file's verdict alone (no changed
 * line matches it, model/forceIgnoreDiff.ts) then needs no new record: `forceIgnore` is the file
 * as it is now, and the excluding line is worked out when asked (hover, tree, a rule message),
 * against that file. A cold index of a big project excludes thousands of files and asks for few.
 */
export class LiveExclusion {
  private infoFor: ForceIgnoreFile | undefined;
  private cached: Exclusion | undefined;
  constructor(
    private readonly first: ForceIgnoreFile,
    private readonly abs: string,
    private readonly current: (fiPath: string) => ForceIgnoreFile | undefined,
  ) {}
  get forceIgnore(): ForceIgnoreFile {
    return this.current(this.first.path) ?? this.first;
  }
  get info(): Exclusion {
    return this.infoAgainst(this.forceIgnore);
  }
  /** The excluding line in a given version of the file (the update compares old and new). */
  infoAgainst(fi: ForceIgnoreFile): Exclusion {
    if (fi !== this.infoFor) {
      this.cached = fi.explain(this.abs, true) ?? {};
      this.infoFor = fi;
    }
    return this.cached!;
  }
}

/** The excluding line of `e` in `fi` (an old version, for a live exclusion), else its own. */
export function exclusionInfoIn(e: NonNullable<EcaFile['exclusion']>, fi: ForceIgnoreFile | undefined): Exclusion {
  return e instanceof LiveExclusion && fi && fi.path === e.forceIgnore.path ? e.infoAgainst(fi) : e.info;
}

export function verdictOf(
  abs: string,
  type: EcaTypeInfo | undefined,
  packageDir: PackageDirectory | undefined,
  metadataFormat: boolean,
  governing: (d: PackageDirectory) => ForceIgnoreFile | undefined,
  current: (fiPath: string) => ForceIgnoreFile | undefined = () => undefined,
): Pick<EcaFile, 'included' | 'exclusion'> {
  if (!packageDir) return { included: false, exclusion: undefined };
  const fi = governing(packageDir);
  if (fi && fi.denies(abs, true)) return { included: false, exclusion: new LiveExclusion(fi, abs, current) };
  // SDR drops or rejects a file whose name it does not recognise: it never ships.
  if (!type) return { included: false, exclusion: undefined };
  // A metadata-format file (`X.eca`, no -meta.xml) is resolved only when a folder of its path is
  // named exactly (case-sensitively) like the type's registry folder (SDR's
  // parseAsContentMetadataXml); anywhere else SDR silently skips it.
  if (metadataFormat && !abs.split(path.sep).includes(type.directory)) return { included: false, exclusion: undefined };
  return { included: true, exclusion: undefined };
}
