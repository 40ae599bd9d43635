// Generates server/src/metadata/schema.generated.ts from the Metadata API types Salesforce publishes
// as `@salesforce/types` (lib/metadata.d.ts, generated from the WSDL). Several versions are
// installed as npm aliases `sf-types-<version>`; the table is their union, and each type, field
// and enum value records the first version that has it (`since`) and, when the newest version no
// longer has it, the last one (`until`).
//
// Reading of the .d.ts (reference §9): field order = the WSDL's xsd:sequence; `name?: T` is
// minOccurs=0; `name: T[]` is a list (maxOccurs=unbounded), optional; `name: T` is required;
// string-literal unions are enum simple types; `Metadata & {...}` is an extension of Metadata.
// `number` stands for xsd:int and xsd:double alike: the .d.ts does not say which.
//
// Usage: node scripts/gen-schema.mjs [--out <file>]     (default: the committed file)
import ts from 'typescript';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outArg = process.argv.indexOf('--out');
const out = outArg > 0 ? process.argv[outArg + 1] : join(root, 'server/src/metadata/schema.generated.ts');

/** Root types besides the rows of shared/ecaTypes.ts (the type table): settings types that rules read. */
const EXTRA_ROOTS = ['ExternalClientAppSettings', 'OauthOidcSettings'];
/** Enums wanted as data even when no root type reaches them. */
const EXTRA_ENUMS = ['ConnectedAppOauthAccessScope'];

// ---- versions --------------------------------------------------------------------------------

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const versions = Object.entries(pkg.devDependencies ?? {})
  .filter(([k, v]) => /^sf-types-/.test(k) && /^npm:@salesforce\/types@/.test(v))
  .map(([k, v]) => ({ alias: k, version: v.slice('npm:@salesforce/types@'.length) }))
  .sort((a, b) => cmpVersion(a.version, b.version));
if (versions.length === 0) throw new Error('no sf-types-* aliases in package.json devDependencies');

function cmpVersion(a, b) {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

// ---- the root type names, from shared/ecaTypes.ts ----------------------------------------------

function typeTableNames() {
  const file = join(root, 'server/src/shared/ecaTypes.ts');
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const names = [];
  const visit = (node) => {
    if (ts.isVariableDeclaration(node) && node.name.getText(sf) === 'ECA_TYPES' && node.initializer) {
      const arr = ts.isArrayLiteralExpression(node.initializer) ? node.initializer : undefined;
      if (!arr) throw new Error('ECA_TYPES is not an array literal');
      for (const el of arr.elements) {
        if (!ts.isObjectLiteralExpression(el)) continue;
        const p = el.properties.find((x) => ts.isPropertyAssignment(x) && x.name.getText(sf) === 'name');
        if (p && ts.isStringLiteral(p.initializer)) names.push(p.initializer.text);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  if (names.length === 0) throw new Error('no ECA_TYPES rows found in shared/ecaTypes.ts');
  return names;
}

// ---- reading one version ----------------------------------------------------------------------

/** name → { kind: 'enum', values } | { kind: 'primitive', prim } | { kind: 'complex', extends, fields } */
function readVersion(alias) {
  const file = join(root, 'node_modules', alias, 'lib/metadata.d.ts');
  if (!existsSync(file)) throw new Error(`${file} missing: run npm install`);
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, false);
  const decls = new Map();
  for (const st of sf.statements) {
    if (ts.isTypeAliasDeclaration(st) || ts.isInterfaceDeclaration(st)) decls.set(st.name.text, st);
  }
  const cache = new Map();
  const text = (n) => n.getText(sf);

  function primOf(node) {
    switch (node.kind) {
      case ts.SyntaxKind.StringKeyword: return 'string';
      case ts.SyntaxKind.BooleanKeyword: return 'boolean';
      case ts.SyntaxKind.NumberKeyword: return 'number';
      default: return undefined;
    }
  }

  function members(list, typeName) {
    return list.map((m) => {
      if (!ts.isPropertySignature(m) || !m.type) throw new Error(`${typeName}: unexpected member ${text(m)}`);
      return { name: m.name.getText(sf), optional: !!m.questionToken, type: m.type };
    });
  }

  function define(name) {
    if (cache.has(name)) return cache.get(name);
    const d = decls.get(name);
    if (!d) return undefined;
    let def;
    if (ts.isInterfaceDeclaration(d)) {
      const bases = (d.heritageClauses ?? []).flatMap((h) => h.types.map((t) => text(t.expression)));
      def = { kind: 'complex', bases, members: members(d.members, name) };
    } else {
      const t = d.type;
      const prim = primOf(t);
      if (prim) def = { kind: 'primitive', prim };
      else if (ts.isUnionTypeNode(t) && t.types.every((x) => ts.isLiteralTypeNode(x) && ts.isStringLiteral(x.literal))) {
        def = { kind: 'enum', values: t.types.map((x) => x.literal.text) };
      } else if (ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal)) {
        def = { kind: 'enum', values: [t.literal.text] };
      } else if (ts.isTypeLiteralNode(t)) {
        def = { kind: 'complex', bases: [], members: members(t.members, name) };
      } else if (ts.isIntersectionTypeNode(t)) {
        const bases = [];
        const own = [];
        for (const part of t.types) {
          if (ts.isTypeReferenceNode(part)) bases.push(text(part.typeName));
          else if (ts.isTypeLiteralNode(part)) own.push(...members(part.members, name));
          else throw new Error(`${name}: unexpected intersection part ${text(part)}`);
        }
        def = { kind: 'complex', bases, members: own };
      } else if (ts.isTypeReferenceNode(t)) {
        def = { kind: 'alias', target: text(t.typeName) };
      } else throw new Error(`${name}: unexpected type ${text(t)}`);
    }
    cache.set(name, def);
    return def;
  }

  /** Resolve aliases (`ID = string`, `X = Y`). */
  function resolve(name) {
    let def = define(name);
    const seen = new Set([name]);
    while (def?.kind === 'alias') {
      if (seen.has(def.target)) throw new Error(`alias cycle at ${name}`);
      seen.add(def.target);
      const next = define(def.target);
      if (!next) return { kind: 'external', name: def.target };
      def = next;
    }
    return def;
  }

  /** A field's type node → { kind, type?, list }. */
  function fieldType(node, owner) {
    let list = false;
    if (ts.isArrayTypeNode(node)) {
      list = true;
      node = node.elementType;
    }
    const prim = primOf(node);
    if (prim) return { kind: prim, list };
    if (!ts.isTypeReferenceNode(node)) throw new Error(`${owner}: unexpected field type ${text(node)}`);
    const ref = text(node.typeName);
    if (ref === 'Date') return { kind: 'dateTime', list };
    const def = resolve(ref);
    if (!def) throw new Error(`${owner}: unknown type ${ref}`);
    if (def.kind === 'primitive') return { kind: def.prim, list };
    if (def.kind === 'enum') return { kind: 'enum', type: ref, list };
    if (def.kind === 'complex') return { kind: 'complex', type: ref, list };
    throw new Error(`${owner}: can't type ${ref}`);
  }

  /** Complex type → its own fields and its bases (fields of bases come first, as in xsd:extension). */
  function complex(name) {
    const def = resolve(name);
    if (!def || def.kind !== 'complex') return undefined;
    const fields = [];
    for (const b of def.bases) {
      const base = complex(b);
      if (!base) throw new Error(`${name}: unknown base ${b}`);
      for (const f of base.fields) fields.push({ ...f, inherited: f.inherited ?? b });
    }
    for (const m of def.members) {
      const t = fieldType(m.type, name);
      fields.push({ name: m.name, ...t, required: !m.optional && !t.list });
    }
    return { bases: def.bases, fields };
  }

  function enumValues(name) {
    const def = resolve(name);
    return def?.kind === 'enum' ? def.values : undefined;
  }

  return { complex, enumValues };
}

// ---- union over versions ----------------------------------------------------------------------

const readers = versions.map((v) => ({ version: v.version, r: readVersion(v.alias) }));
const newest = readers[readers.length - 1].version;

/** Merge ordered name lists: newest order wins; older-only names go after their old predecessor. */
function mergeOrder(lists) {
  const merged = [...lists[lists.length - 1]];
  for (let i = lists.length - 2; i >= 0; i--) {
    const l = lists[i];
    l.forEach((n, j) => {
      if (merged.includes(n)) return;
      let at = 0;
      for (let k = j - 1; k >= 0; k--) {
        const p = merged.indexOf(l[k]);
        if (p >= 0) {
          at = p + 1;
          break;
        }
      }
      merged.splice(at, 0, n);
    });
  }
  return merged;
}

function span(present) {
  const vs = readers.filter((x) => present(x)).map((x) => x.version);
  if (vs.length === 0) return undefined;
  const s = { since: vs[0] };
  if (vs[vs.length - 1] !== newest) s.until = vs[vs.length - 1];
  return s;
}

const complexTypes = {};
const enums = {};
const queue = [];

function typeEntry(name) {
  const per = readers.map((x) => ({ version: x.version, c: x.r.complex(name) })).filter((x) => x.c);
  if (per.length === 0) return undefined;
  const order = mergeOrder(per.map((x) => x.c.fields.map((f) => f.name)));
  const fields = order.map((fname) => {
    const last = [...per].reverse().find((x) => x.c.fields.some((f) => f.name === fname));
    const f = last.c.fields.find((g) => g.name === fname);
    const rec = { name: f.name, kind: f.kind };
    if (f.type) rec.type = f.type;
    rec.list = f.list;
    rec.required = f.required;
    if (f.inherited) rec.inherited = f.inherited;
    Object.assign(rec, span((x) => x.r.complex(name)?.fields.some((g) => g.name === fname)));
    if (f.kind === 'complex') queue.push(f.type);
    if (f.kind === 'enum') addEnum(f.type);
    return rec;
  });
  const bases = per[per.length - 1].c.bases;
  return { ...span((x) => !!x.r.complex(name)), ...(bases.length ? { extends: bases.join(', ') } : {}), fields };
}

function addEnum(name) {
  if (enums[name]) return;
  const per = readers.map((x) => x.r.enumValues(name)).filter(Boolean);
  if (per.length === 0) return;
  const values = mergeOrder(per);
  const first = span((x) => !!x.r.enumValues(name));
  const valueSince = {};
  for (const v of values) {
    const s = span((x) => x.r.enumValues(name)?.includes(v));
    if (s.since !== first.since || s.until) valueSince[v] = s.until ? `${s.since}..${s.until}` : s.since;
  }
  enums[name] = { ...first, values, ...(Object.keys(valueSince).length ? { valueSince } : {}) };
}

const rootNames = [...new Set([...typeTableNames(), ...EXTRA_ROOTS])];
const types = {};
const unknownTypes = [];
for (const n of rootNames) {
  const e = typeEntry(n);
  if (e) types[n] = e;
  else unknownTypes.push(n);
}
while (queue.length) {
  const n = queue.shift();
  if (types[n] || complexTypes[n]) continue;
  const e = typeEntry(n);
  if (!e) throw new Error(`complex type ${n} not found`);
  complexTypes[n] = e;
}
for (const e of EXTRA_ENUMS) addEnum(e);

const sortKeys = (o) => Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
const data = {
  source: '@salesforce/types lib/metadata.d.ts',
  versions: readers.map((x) => x.version),
  types: sortKeys(types),
  complexTypes: sortKeys(complexTypes),
  enums: sortKeys(enums),
  unknownTypes: unknownTypes.sort(),
};

const header = `// GENERATED by scripts/gen-schema.mjs (npm run gen:schema) from @salesforce/types
// ${data.versions.join(', ')}. Do not edit: change the generator or server/src/metadata/schemaOverlay.ts.
import type { GeneratedSchema } from './schemaTypes';

export const GENERATED_SCHEMA: GeneratedSchema = `;
writeFileSync(out, `${header}${JSON.stringify(data, null, 2)};\n`);
if (outArg < 0) {
  const count = (o) => Object.keys(o).length;
  console.log(`schema: ${count(types)} types, ${count(complexTypes)} complex types, ${count(enums)} enums from ${data.versions.length} versions; unknown: ${unknownTypes.join(', ') || 'none'}`);
}
