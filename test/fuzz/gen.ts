/**
 * Seeded generators for the fuzzer: a whole sfdx project (sfdx-project.json, .forceignore files,
 * ECA files of every type in the type table) with random fields, then random mutations.
 * Deterministic: the same (seed, case index) always gives the same project.
 */
import { ECA_TYPES, OLD_TYPE_NAMES } from '../../server/src/metadata/types';
import { SCHEMA } from '../../server/src/metadata/schema';

/** mulberry32: small, fast, good enough for test data. */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }
}

/** The seed of case `index` of a run with `seed`. */
export function caseSeed(seed: number, index: number): number {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** File contents: text is written as UTF-8; `base64` is raw bytes (BOMs, UTF-16, binary). */
export type Content = { text: string } | { base64: string };
export type FuzzFiles = Record<string, Content>;

const ORG = '00D5g000004XyZaEAK';
const APPS = ['Billing', 'Acme_App', 'x', 'App2', 'Ünï', 'a.b', 'with space', ''];
const TEXTS = [
  '',
  ' ',
  'Local',
  'Packaged',
  'packaged',
  'true',
  'false',
  '42',
  '-1',
  'a &amp; b',
  '&lt;tag&gt;',
  '&#x41;&#66;',
  '&bogus;',
  '&',
  '<![CDATA[x < y]]>',
  '<!-- c -->Packaged',
  'Packaged<!-- c -->',
  '  Packaged  ',
  '\nPackaged\n',
  `${ORG}:Billing`,
  `${ORG}:Other`,
  '00D000000000000:Billing',
  '00DXXXXXXXXXXXXXXX:Billing',
  ':Billing',
  `${ORG}:`,
  `${ORG}:888000000000000000000000000000000000000000000000000000000000000000000000000000000000`,
  `${ORG}:8885g000000ABCD`,
  '3MVG9' + 'A'.repeat(80),
  'deadbeefcafebabe0123456789ABCDEF0123456789abcdef0123456789ABCDEF',
  '-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----',
  'me@example.com',
  'Api, RefreshToken',
  'Full',
  '日本語',
  '\u{1F600}',
  '\u200b',
  'x'.repeat(300),
];

function randomText(r: Rng): string {
  if (r.chance(0.7)) return r.pick(TEXTS);
  const alphabet = 'aZ09 _-:.&;<>/"\'\n\t\r\u00e9\u4e2d\u{1F600}!#*';
  const chars = [...alphabet];
  let s = '';
  const n = r.int(20);
  for (let i = 0; i < n; i++) s += r.pick(chars);
  return s;
}

function elementsFor(r: Rng, typeName: string, app: string): string[] {
  const fields = SCHEMA[typeName]?.fields ?? {};
  const names = Object.keys(fields);
  const out: string[] = [];
  const type = ECA_TYPES.find((t) => t.name === typeName);
  if (type?.satellite && r.chance(0.9)) out.push(`<externalClientApplication>${r.chance(0.85) ? app : r.pick(APPS)}</externalClientApplication>`);
  const n = r.int(6);
  for (let i = 0; i < n; i++) {
    const name = names.length && r.chance(0.85) ? r.pick(names) : r.pick(['label', 'unknownField', 'distributionState', 'oauthLink', 'consumerSecret', 'x']);
    const info = fields[name];
    let v: string;
    if (info?.values && r.chance(0.6)) v = r.pick(info.values);
    else if (info?.fields && r.chance(0.7)) {
      v = Object.keys(info.fields)
        .filter(() => r.chance(0.6))
        .map((k) => `<${k}>${randomText(r)}</${k}>`)
        .join('');
    } else v = randomText(r);
    out.push(r.chance(0.05) ? `<${name}/>` : `<${name}>${v}</${name}>`);
  }
  // Hazards the rules look for, often enough that fixes get exercised.
  if (typeName === 'ExternalClientApplication') {
    if (r.chance(0.6)) out.push(`<distributionState>${r.pick(['Local', 'Packaged', 'Packaged', 'local', ''])}</distributionState>`);
    if (r.chance(0.5)) out.push(`<orgScopedExternalApp>${r.pick([`${ORG}:${app}`, `${ORG}:Other`, 'bad', '', `00D000000000000:${app}`])}</orgScopedExternalApp>`);
    if (r.chance(0.5)) out.push(`<label>${app}</label>`);
  }
  if (typeName === 'ExtlClntAppOauthSettings' && r.chance(0.6)) {
    out.push(`<oauthLink>${r.pick([`${ORG}:8885g000000ABCDEFG`, `00D000000000001:888x`, 'bad', '', `${ORG}:Billing`])}</oauthLink>`);
  }
  if (typeName === 'ExtlClntAppGlobalOauthSettings' && r.chance(0.6)) {
    out.push(`<consumerSecret>${r.pick(TEXTS)}</consumerSecret>`, `<consumerKey>${r.pick(TEXTS)}</consumerKey>`);
  }
  // shuffle
  for (let i = out.length - 1; i > 0; i--) {
    const j = r.int(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function ecaXml(r: Rng, typeName: string, app: string): string {
  const eol = r.chance(0.15) ? '\r\n' : '\n';
  const ind = r.pick(['    ', '\t', '', '  ']);
  const decl = r.chance(0.85) ? `<?xml version="1.0" encoding="UTF-8"?>${eol}` : '';
  const ns = r.chance(0.9) ? ' xmlns="http://soap.sforce.com/2006/04/metadata"' : r.pick(['', ' xmlns="urn:other"', ' xmlns:x="y"']);
  const body = elementsFor(r, typeName, app)
    .map((e) => ind + e + eol)
    .join('');
  return `${decl}<${typeName}${ns}>${eol}${body}</${typeName}>${r.chance(0.8) ? eol : ''}`;
}

// ------------------------------------------------------------------ mutations

const INSERTS = ['<', '>', '&', '&amp;', '&#0;', '&#xD800;', ']]>', '<!--', '-->', '<![CDATA[', '"', "'", '\u0000', '\uFFFE', '\uD800', '\r', '\r\n', '\u2028', '<?xml version="1.0"?>', '</', '<a>', '</a>', '<externalClientApplication>Billing</externalClientApplication>', '<distributionState>Packaged</distributionState>', '\u{1F600}', '\t'];

export type ByteMutation = 'bom' | 'utf16le' | 'utf16be' | 'binary' | 'latin1' | undefined;

/** Text mutations; returns the text and possibly a byte-level mutation to apply when encoding. */
export function mutateText(r: Rng, text: string, kind: 'xml' | 'forceignore' | 'json'): { text: string; bytes: ByteMutation } {
  let t = text;
  let bytes: ByteMutation;
  const n = r.chance(0.45) ? 0 : 1 + r.int(3);
  for (let i = 0; i < n; i++) {
    const pos = r.int(t.length + 1);
    switch (r.int(12)) {
      case 0:
        t = t.slice(0, pos); // truncate
        break;
      case 1:
        t = t.slice(0, pos) + r.pick(INSERTS) + t.slice(pos);
        break;
      case 2: {
        // duplicate an element (or a line)
        const lines = t.split('\n');
        const k = r.int(lines.length);
        lines.splice(k, 0, lines[k] ?? '');
        t = lines.join('\n');
        break;
      }
      case 3:
        t = t.replace(/\r?\n/g, '\r\n');
        break;
      case 4:
        t = t.replace(/\r?\n/g, '\r');
        break;
      case 5:
        bytes = 'bom';
        break;
      case 6:
        // huge text (kept well below the engine's size cap, and rare)
        // (not in .forceignore: a 50 KB line hangs the `ignore` package's regex build, see the report)
        if (kind === 'xml' && r.chance(0.03)) t = t.slice(0, pos) + 'x'.repeat(20_000 + r.int(80_000)) + t.slice(pos);
        else if (r.chance(0.2)) t = t.slice(0, pos) + 'y'.repeat(200 + r.int(800)) + t.slice(pos);
        break;
      case 7:
        if (kind === 'xml') t = t.replace(/<(\/?)(ExternalClientApplication|ExtlClntApp\w+|ConnectedApp)\b/g, `<$1${r.pick(['Wrong', 'ExtlClntAppOauthSettings', 'ExternalClientApplication', 'x:ExternalClientApplication', 'Package'])}`);
        else t = t.slice(0, pos) + randomText(r) + t.slice(pos);
        break;
      case 8:
        bytes = r.pick(['utf16le', 'utf16be', 'binary', 'latin1'] as const);
        break;
      case 9:
        if (kind === 'xml') t = t.replace('<?xml version="1.0" encoding="UTF-8"?>', r.pick(['', '<!DOCTYPE x [<!ENTITY e "Packaged">]>', '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>', '  <?xml version="1.0"?>']));
        else t = '\uFEFF' + t;
        break;
      case 10:
        t = t.slice(0, pos) + t.slice(pos + r.int(20)); // delete a few chars
        break;
      default:
        t = t.replace(/\n/, r.pick(['\n\n', '\n  ', '\n<!-- x -->\n', '\n\uFEFF']));
    }
  }
  return { text: t, bytes };
}

function encode(text: string, bytes: ByteMutation, r: Rng): Content {
  if (!bytes) return { text };
  let buf: Buffer;
  if (bytes === 'bom') buf = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
  else if (bytes === 'utf16le') buf = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  else if (bytes === 'utf16be') buf = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
  else if (bytes === 'latin1') buf = Buffer.from(text + '\u00e9', 'latin1');
  else {
    buf = Buffer.from(text, 'utf8');
    const b = Buffer.alloc(1 + r.int(64));
    for (let i = 0; i < b.length; i++) b[i] = r.int(256);
    const at = r.int(buf.length + 1);
    buf = Buffer.concat([buf.subarray(0, at), b, buf.subarray(at)]);
  }
  return { base64: buf.toString('base64') };
}

// ------------------------------------------------------------------ .forceignore

const FI_LINES = [
  '**/extlClntAppGlobalOauthSets/**',
  '**/extlClntAppOauthPolicies/**',
  '**/extlClntAppPolicies/**',
  '**/extlClntAppOauthSettings/**',
  '**/externalClientApps/**',
  'extlClntAppGlobalOauthSets/',
  'extlClntAppGlobalOauthSets',
  '/extlClntAppGlobalOauthSets/',
  'force-app/main/default/extlClntAppGlobalOauthSets/',
  '/force-app/main/default/extlClntAppOauthPolicies/**',
  'main/default/extlClntAppPolicies',
  '**\\extlClntAppGlobalOauthSets\\**',
  'force-app\\main\\default\\extlClntAppPolicies',
  '*.ecaGlblOauth',
  '*.ecaGlblOauth-meta.xml',
  '**/*.ecaOauthPlcy',
  '*.ecaPlcy-meta.xml',
  '**/unpackaged/**',
  '!**/extlClntAppGlobalOauthSets/**',
  '!*.ecaGlblOauth-meta.xml',
  '!/force-app/main/default/externalClientApps/',
  '**/extlClntAppGlobalOauthSettings/**',
  '**/extlClntAppGlobalOAuthSets/**',
  '**/extlclntappglobaloauthsets/**',
  '**/extlClntAppOauthPolicy/**',
  '**/extlClntAppCanvasStngs/**',
  '# comment',
  '#**/extlClntAppGlobalOauthSets/**',
  '\\#hash',
  '',
  '   ',
  '**/*',
  '*',
  '**',
  '/',
  '!',
  '[',
  '[a-',
  '**/.sfdx',
  '**/jsconfig.json',
  'package.xml',
  '**/extlClntAppGlobalOauthSets/**   ',
  '\t**/extlClntAppPolicies/**',
  'force-app/**/*.ecaPlcy-meta.xml',
];

export function forceIgnoreText(r: Rng): string {
  const lines: string[] = [];
  const n = r.int(8);
  for (let i = 0; i < n; i++) lines.push(r.chance(0.85) ? r.pick(FI_LINES) : randomText(r).replace(/[\r\n]/g, ''));
  const eol = r.chance(0.2) ? '\r\n' : '\n';
  return lines.join(eol) + (r.chance(0.7) ? eol : '');
}

// ------------------------------------------------------------------ sfdx-project.json

export function projectJson(r: Rng, dirs: string[]): string {
  const variant = r.int(20);
  const pkgDir = (d: string, i: number) => {
    const o: Record<string, unknown> = { path: d };
    if (i === 0 && r.chance(0.8)) o.default = true;
    if (r.chance(0.6)) {
      o.package = r.pick(['Billing', 'Other', '']);
      o.versionNumber = '1.0.0.NEXT';
    }
    return o;
  };
  const base: Record<string, unknown> = { packageDirectories: dirs.map(pkgDir), sourceApiVersion: '64.0' };
  if (r.chance(0.5)) base.namespace = r.pick(['bill', '', 'x_y']);
  if (r.chance(0.4)) base.packageAliases = { Billing: '0Ho000000000001AAA' };
  switch (variant) {
    case 0:
      return '';
    case 1:
      return JSON.stringify(base).slice(0, r.int(40));
    case 2:
      return '{ // comment\n' + JSON.stringify(base).slice(1).replace(/}$/, ',}');
    case 3:
      return JSON.stringify({ ...base, packageDirectories: r.pick([{}, 'force-app', null, [], [null], [1], [{}], [{ path: 7 }]]) });
    case 4:
      return JSON.stringify({ ...base, packageDirectories: [...(base.packageDirectories as unknown[]), { path: r.pick(['..', '/etc', '../outside', 'force-app', 'force-app\\main', '', '.', 'missing', 'force-app/main/default']) }] });
    case 5:
      return r.pick(['[]', 'null', '"x"', '42', '{', '}', 'not json', '\u0000']);
    case 6:
      return JSON.stringify(base, null, '\t').replace(/\n/g, '\r\n');
    case 7:
      return JSON.stringify({ ...base, packageDirectories: (base.packageDirectories as Record<string, unknown>[]).map((d) => ({ ...d, default: r.pick([true, false, 'yes', null]) })) });
    default:
      return JSON.stringify(base, null, 2);
  }
}

// ------------------------------------------------------------------ a whole project

/** A random project: relative path → content. */
export function genProject(r: Rng): FuzzFiles {
  const files: FuzzFiles = {};
  const dirs = r.chance(0.75) ? ['force-app'] : r.pick([['force-app', 'pkg2'], ['src'], ['force-app/main'], ['force-app', 'force-app/sub']]);
  if (r.chance(0.95)) {
    const m = mutateText(r, projectJson(r, dirs), 'json');
    files['sfdx-project.json'] = encode(m.text, r.chance(0.3) ? m.bytes : undefined, r);
  }
  const fiCount = r.chance(0.75) ? 1 : r.int(3);
  for (let i = 0; i < fiCount; i++) {
    const at = r.pick(['.forceignore', '.forceignore', `${dirs[0]}/.forceignore`, `${r.pick(dirs)}/main/.forceignore`]);
    const m = mutateText(r, forceIgnoreText(r), 'forceignore');
    files[at] = encode(m.text, r.chance(0.5) ? m.bytes : undefined, r);
  }
  const appCount = 1 + r.int(2);
  for (let a = 0; a < appCount; a++) {
    const app = a === 0 ? r.pick(['Billing', 'Billing', 'Acme_App']) : r.pick(APPS);
    const types = ECA_TYPES.filter(() => r.chance(0.35));
    if (r.chance(0.7) && !types.some((t) => t.name === 'ExternalClientApplication')) types.unshift(ECA_TYPES[0]!);
    for (const t of types) {
      const base = r.pick(dirs);
      const dir = r.chance(0.85) ? t.directory : r.pick([...(t.oldDirectories ?? []), t.directory.toLowerCase(), t.directory + 's', 'misc', t.directory]);
      const name = r.chance(0.9) ? app || 'X' : r.pick(APPS) || 'Y';
      let file = `${name}.${t.suffix}-meta.xml`;
      if (r.chance(0.08)) file = r.pick([`${name}.${t.suffix}`, `${name}.${t.suffix.toUpperCase()}-meta.xml`, `${name}.${t.suffix}x-meta.xml`, `${name}.${t.suffix}-meta.xml.bak`]);
      const rel = `${base}/${r.chance(0.85) ? 'main/default/' : ''}${dir}/${file}`;
      const oldName = Object.keys(OLD_TYPE_NAMES).find((k) => OLD_TYPE_NAMES[k] === t.name);
      const root = oldName && r.chance(0.1) ? oldName : t.name;
      const m = mutateText(r, ecaXml(r, root, app), 'xml');
      files[rel] = encode(m.text, m.bytes, r);
    }
  }
  return files;
}
