/**
 * Rule: sfdx-project-invalid
 *
 * Problems in sfdx-project.json that change what gets packaged: bad JSON, a missing or absolute
 * package directory path, several defaults or none, a package without versionNumber.
 */
import type { ProjectFileRule } from './types';

export const rule: ProjectFileRule = {
  id: 'sfdx-project-invalid',
  defaultSeverity: 'error',
  title: 'sfdx-project.json is invalid',
  scope: 'project',
  check(ctx) {
    return ctx.project.config.problems.map((p) => ({ message: p.message, start: p.start, end: p.end, severity: p.severity }));
  },
};
