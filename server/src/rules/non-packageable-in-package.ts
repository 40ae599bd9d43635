/**
 * Rule: non-packageable-in-package
 *
 * A non-packageable ECA-family file (global OAuth settings, any policy file) sits in a packaged
 * directory (`packageDirectories[].package`) and `.forceignore` does not keep it out, so
 * `sf package version create` would try to package it and fail. The message names the type and
 * why; for OAuth policies with a `clientCredentialsFlowUser`, the "Enter a valid execution user"
 * failure. Fixes: add the right `.forceignore` line (preferred), or delete the file.
 */
import { child } from '../metadata/parse';
import type { EcaFileRule, RawFinding } from './types';
import { addForceIgnoreLineFix, deleteFileFix, forceIgnoreLineFor, isPackagedDir, rootNameSpan } from './util';

export const rule: EcaFileRule = {
  id: 'non-packageable-in-package',
  defaultSeverity: 'error',
  title: 'A file that can\'t be packaged is in a packaged directory and not excluded by .forceignore',
  scope: 'eca-file',
  check(ctx) {
    const f = ctx.file;
    const t = f.type;
    if (!t || t.packageable !== 'no' || !f.included || !isPackagedDir(f)) return [];
    let message = `${t.name} (${t.label}) can't be packaged: ${t.whyNotPackageable ?? 'it is not packageable'}. ` +
      `This file is in package directory "${f.packageDir!.relPath}" (package "${f.packageDir!.package}") and no .forceignore line excludes it, so \`sf package version create\` will fail.`;
    const ccUser = f.xml?.root ? child(f.xml.root, 'clientCredentialsFlowUser') : undefined;
    if (ccUser && ccUser.text) {
      message += ' Its Run As user (clientCredentialsFlowUser) does not exist in the packaging org: "Enter a valid execution user for the OAuth client credentials flow."';
    }
    const span = rootNameSpan(f);
    const finding: RawFinding = {
      message,
      ...span,
      fixes: [addForceIgnoreLineFix(ctx, f, forceIgnoreLineFor(f, t)), deleteFileFix(ctx.project, f)],
    };
    return [finding];
  },
};
