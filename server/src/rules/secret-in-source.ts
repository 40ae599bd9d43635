/**
 * Rule: secret-in-source
 *
 * A consumer secret or a private key in a file in the repository (error), or a consumer key in
 * global OAuth settings (warning). Excluded from the package or not, it is in git. Values that are
 * `${VAR}` replacement placeholders (sfdx-project.json `replacements`) are not secrets.
 * The value is never copied into a message. Fix: remove the element.
 */
import type { XmlElement } from '../metadata/parse';
import { removeElement } from '../edits/textEdits';
import type { EcaFileRule, RawFinding } from './types';

const PRIVATE_KEY = /-----BEGIN [A-Z ]*PRIVATE KEY-----/;
const PLACEHOLDER = /^\$\{[A-Za-z_][A-Za-z0-9_]*\}$/;

export const rule: EcaFileRule = {
  id: 'secret-in-source',
  defaultSeverity: 'error',
  title: 'A consumer secret, private key or consumer key is committed in source',
  scope: 'eca-file',
  check(ctx) {
    const f = ctx.file;
    const root = f.xml?.root;
    if (!f.type || !root) return [];
    const out: RawFinding[] = [];
    const text = f.doc!.text;
    const visit = (el: XmlElement) => {
      for (const c of el.children) visit(c);
      if (el.children.length) return;
      const v = el.text.trim();
      if (!v || PLACEHOLDER.test(v)) return;
      let what: string | undefined;
      let severity: 'error' | 'warning' = 'error';
      if (el.name === 'consumerSecret') what = 'a consumer secret';
      else if (PRIVATE_KEY.test(v)) what = 'a private key';
      else if (el.name === 'consumerKey' && f.type!.name === 'ExtlClntAppGlobalOauthSettings') {
        what = 'a consumer key';
        severity = 'warning';
      }
      if (!what) return;
      const rm = removeElement(text, el);
      const global = f.type!.name === 'ExtlClntAppGlobalOauthSettings';
      const advice = severity === 'error'
        ? `remove it and rotate ${what === 'a private key' ? 'the key and its certificate' : 'the secret'} in the org, since everyone who can read the repository has it`
        : 'remove it';
      out.push({
        message: `<${el.name}> holds ${what} in source. .forceignore keeps a file out of the package, not out of git: ${advice}.` +
          (global ? ' Global OAuth settings belong to the Dev Hub and must not be in source control.' : ''),
        start: el.contentStart,
        end: el.contentEnd,
        severity,
        fixes: [{ title: `Remove <${el.name}>`, preferred: true, edits: [ctx.edit(f.path, rm.start, rm.end, rm.newText)] }],
      });
    };
    visit(root);
    return out;
  },
};
