/**
 * Rule: sfdx-project-invalid
 *
 * Problems in sfdx-project.json that change what gets packaged: bad JSON, a missing or absolute
 * package directory path, several defaults or none, a package without versionNumber. No fix.
 */
import { defineRule } from './kit';

export const rule = defineRule({
  id: 'sfdx-project-invalid',
  severity: 'error',
  title: 'sfdx-project.json is invalid',
  scope: 'project',
  check(ctx) {
    return ctx.project.config.problems.map((p) => ctx.finding(p, p.message, { severity: p.severity }));
  },
});
