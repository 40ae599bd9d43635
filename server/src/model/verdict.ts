/** Does an ECA-family file ship (SDR semantics), and if a `.forceignore` keeps it out, by which line. */
import * as path from 'node:path';
import type { EcaTypeInfo } from '../metadata/types';
import type { PackageDirectory } from '../project/sfdxProject';
import type { Exclusion, ForceIgnoreFile } from '../project/forceIgnore';
import type { EcaFile } from './types';

export function verdictOf(
  abs: string,
  type: EcaTypeInfo | undefined,
  packageDir: PackageDirectory | undefined,
  metadataFormat: boolean,
  governing: (d: PackageDirectory) => ForceIgnoreFile | undefined,
): Pick<EcaFile, 'included' | 'exclusion'> {
  if (!packageDir) return { included: false, exclusion: undefined };
  const fi = governing(packageDir);
  if (fi && fi.denies(abs, true)) {
    // Which line excludes the file is worked out only when asked (hover, tree, a rule message):
    // a cold index of a big project excludes thousands of files and never asks for most.
    let info: Exclusion | undefined;
    return {
      included: false,
      exclusion: {
        forceIgnore: fi,
        get info(): Exclusion {
          return (info ??= fi.explain(abs, true) ?? {});
        },
      },
    };
  }
  // SDR drops or rejects a file whose name it does not recognise: it never ships.
  if (!type) return { included: false, exclusion: undefined };
  // A metadata-format file (`X.eca`, no -meta.xml) is resolved only when a folder of its path is
  // named exactly (case-sensitively) like the type's registry folder (SDR's
  // parseAsContentMetadataXml); anywhere else SDR silently skips it.
  if (metadataFormat && !abs.split(path.sep).includes(type.directory)) return { included: false, exclusion: undefined };
  return { included: true, exclusion: undefined };
}
