/**
 * Connected App → External Client App, from source. Pure: the text of one `.connectedApp-meta.xml`
 * in, the readiness verdict and the ECA files' text out; no disk (see plan.ts for where they go).
 *
 * Field mapping: reference §8 (observed in a real migration unless marked inferred). Every element
 * of the Connected App, recursively for the complex ones, ends up either in `mapped` or in
 * `unmapped` with the reason: nothing is dropped silently. `consumerKey` and `consumerSecret` are
 * never written (and their values never appear in any result).
 *
 * This file is the top level (the Connected App's direct children, permitted users, the sign-in
 * checks, the files' assembly). The rest: types.ts (result shapes, file naming), tables.ts (the
 * mapping tables), collector.ts (the accumulator), sections.ts (oauthConfig, oauthPolicy,
 * sessionPolicy, ipRanges).
 */
import { parseXml, type XmlElement } from '../metadata/parse';
import type { TextFile } from '../util/text';
import { Collector, isTrue } from './collector';
import { convertIpRange, convertOauthConfig, convertOauthPolicy, convertSessionPolicy } from './sections';
import { BLOCK_3DES, BLOCK_CANVAS, BLOCK_MOBILE, BLOCK_PLUGIN, BLOCK_PROVISIONING, HEADER_FIELDS } from './tables';
import { ECA_FILE_KINDS, ecaFileName, type Conversion, type EcaFile, type EcaFileKind, type Readiness } from './types';
import { renderMetadataFile } from './xmlWrite';

export { refreshTokenPolicy } from './sections';
export { IP_RELAXATION, SECRET_WHY } from './tables';
export {
  connectedAppFullName,
  ecaFileName,
  ECA_FILE_KINDS,
  type Blocker,
  type Conversion,
  type EcaFile,
  type EcaFileKind,
  type MappedField,
  type Note,
  type Readiness,
  type UnmappedField,
} from './types';

/**
 * Convert one Connected App. `fullName` is the app's name (from its file name: see
 * `connectedAppFullName`); the ECA files are named after it.
 */
export function convertConnectedApp(file: TextFile, fullName: string): Conversion {
  const parsed = parseXml(file);
  const fail = (message: string, line = 0, character = 0): Conversion => ({
    convertible: false,
    problem: { message, line, character },
    blockers: [],
    notes: [],
    mapped: [],
    unmapped: [],
    fullName,
    files: [],
  });
  if (parsed.error || !parsed.root) return fail(parsed.error?.message ?? 'not XML', parsed.error?.line, parsed.error?.character);
  const root = parsed.root;
  if (root.name !== 'ConnectedApp') {
    const at = file.positionAt(root.start);
    return fail(`the root element is <${root.name}>, not <ConnectedApp>`, at.line, at.character);
  }
  const c = new Collector(root, fullName);
  const oauthConfig = root.children.find((e) => e.name === 'oauthConfig');
  const hasOauth = !!oauthConfig;
  const noOauthWhy = 'the Connected App has no oauthConfig, so the conversion writes no OAuth files to hold it';

  // Header: always.
  c.put('header', { name: 'distributionState', value: 'Local' });
  const leaf = (el: XmlElement, kind: EcaFileKind, to: string, value = el.text, inferred = false): void => {
    if (el.children.length) {
      c.unmap(el, `expected a value, found child elements`);
      return;
    }
    if (value.trim() === '') {
      c.unmap(el, 'empty: nothing to carry over');
      return;
    }
    c.put(kind, { name: to, value });
    c.map(el, kind, to, inferred);
  };

  const permissionSets: XmlElement[] = [];
  const profiles: XmlElement[] = [];

  for (const el of root.children) {
    const n = el.name;
    if (HEADER_FIELDS.includes(n)) {
      leaf(el, 'header', n, el.text, n !== 'label' && n !== 'description' && n !== 'contactEmail');
      continue;
    }
    switch (n) {
      case 'fullName':
        // Metadata-format files may carry it; the ECA's name is the file name.
        c.map(el, 'header', 'fullName (the file name)');
        break;
      case 'oauthConfig':
        convertOauthConfig(c, el, leaf);
        break;
      case 'oauthPolicy':
        if (!hasOauth) c.unmap(el, noOauthWhy);
        else convertOauthPolicy(c, el, leaf);
        break;
      case 'sessionPolicy':
        if (!hasOauth) c.unmap(el, noOauthWhy);
        else convertSessionPolicy(c, el, leaf);
        break;
      case 'permissionSetName':
        if (!hasOauth) c.unmap(el, noOauthWhy);
        else permissionSets.push(el);
        break;
      case 'profileName':
        if (!hasOauth) c.unmap(el, noOauthWhy);
        else profiles.push(el);
        break;
      case 'ipRanges':
        if (!hasOauth) c.unmap(el, noOauthWhy);
        else convertIpRange(c, el);
        break;
      case 'startUrl':
        if (el.text.trim() === '') c.unmap(el, 'empty: nothing to carry over');
        else {
          c.put('policies', { name: 'startPage', value: 'Custom' });
          c.put('policies', { name: 'startUrl', value: el.text });
          c.map(el, 'policies', 'startUrl');
          c.map(el, 'policies', 'startPage');
        }
        break;
      case 'attributes':
        c.unmap(
          el,
          'custom attributes are not converted: an External Client App keeps them as customAttributes in the OAuth settings or the OAuth policies, and which one this app needs is for you to decide; add them after migrating',
        );
        break;
      case 'samlConfig': {
        const enc = el.children.find((x) => x.name === 'encryptionType');
        if (enc && /^(triple[_ -]?des|3des|des3)$/i.test(enc.text.trim())) c.block(enc, 'SAML Triple-DES encryption', BLOCK_3DES, el);
        else
          c.unmap(
            el,
            'SAML settings are not converted: this conversion writes the OAuth files only; configure SAML on the External Client App in Setup (its SAML policies are admin-owned, not packaged)',
          );
        break;
      }
      case 'canvasConfig':
      case 'canvas':
        c.block(el, 'Canvas', BLOCK_CANVAS);
        break;
      case 'plugin':
        c.block(el, 'Apex plugin', BLOCK_PLUGIN);
        break;
      case 'pluginExecutionUser':
        c.unmap(el, 'the execution user of a Connected App plugin; External Client Apps have no plugin to run');
        break;
      case 'mobileAppConfig':
      case 'mobileStartUrl':
        c.block(el, 'mobile/push settings', BLOCK_MOBILE);
        break;
      default:
        if (/provision/i.test(n)) c.block(el, 'user provisioning', BLOCK_PROVISIONING);
        else if (/push/i.test(n)) c.block(el, 'mobile/push settings', BLOCK_MOBILE);
        else c.unmap(el, `not a Connected App field this conversion knows; check it by hand`);
    }
  }

  // Permitted users.
  const joinNames = (els: XmlElement[]) =>
    els
      .map((e) => e.text.trim())
      .filter((s) => s !== '')
      .join(',');
  if (permissionSets.length) {
    const v = joinNames(permissionSets);
    if (v) {
      c.put('oauthPolicies', { name: 'commaSeparatedPermissionSet', value: v });
      for (const e of permissionSets) c.map(e, 'oauthPolicies', 'commaSeparatedPermissionSet');
      c.note(
        'permissionSetName in a Connected App may hold permission set labels (e.g. "Integration - Admin"), while commaSeparatedPermissionSet needs API names: check each name in the OAuth policies file against the project\'s permission sets',
        permissionSets[0],
      );
    } else for (const e of permissionSets) c.unmap(e, 'empty: nothing to carry over');
  }
  if (profiles.length) {
    const v = joinNames(profiles);
    if (v) {
      c.put('oauthPolicies', { name: 'commaSeparatedProfile', value: v });
      for (const e of profiles) c.map(e, 'oauthPolicies', 'commaSeparatedProfile');
    } else for (const e of profiles) c.unmap(e, 'empty: nothing to carry over');
  }
  if (hasOauth && (permissionSets.length || profiles.length) && !isTrue(oauthConfig!.children.find((e) => e.name === 'isAdminApproved'))) {
    c.note('profiles and permission sets only limit access when permitted users are "Admin approved users are pre-authorized" (isAdminApproved true); this app lets all users self-authorize', permissionSets[0] ?? profiles[0]);
  }

  // Server-to-server mechanisms: without any, the app may rely on the username-password flow.
  if (hasOauth) {
    const o = oauthConfig!;
    const has = (name: string) => o.children.some((e) => e.name === name && e.text.trim() !== '');
    const flag = (name: string) => isTrue(o.children.find((e) => e.name === name));
    if (!has('certificate') && !flag('isClientCredentialEnabled') && !has('callbackUrl')) {
      c.note(
        'nothing in this file reveals how the app signs in (no certificate for JWT bearer, no client credentials, no callback URL): it may rely on the username-password flow, which External Client Apps do not support; confirm the flow before migrating',
        o,
        'username-password',
      );
    }
    if (flag('isClientCredentialEnabled') && !has('oauthClientCredentialUser')) {
      c.note('client credentials are enabled but no oauthClientCredentialUser is set: set clientCredentialsFlowUser (an API-only integration user) in the OAuth policies file', o.children.find((e) => e.name === 'isClientCredentialEnabled'));
    }
  } else {
    c.note('the Connected App has no oauthConfig: only the header is written');
  }

  const files: EcaFile[] = [];
  const emit = (kind: EcaFileKind, satellite: boolean, always: boolean) => {
    const body = c.out[kind];
    if (!always && body.length === 0) return;
    const children = satellite ? [{ name: 'externalClientApplication', value: fullName }, ...body] : body;
    const k = ECA_FILE_KINDS[kind];
    files.push({ kind, type: k.type, folder: k.folder, fileName: ecaFileName(kind, fullName), text: renderMetadataFile(k.root, children) });
  };
  emit('header', false, true);
  if (hasOauth) {
    emit('oauthSettings', true, true);
    emit('globalOauth', true, true);
    emit('oauthPolicies', true, true);
  }
  if (c.out.policies.length) {
    c.put('policies', { name: 'isEnabled', value: 'true' });
    if (hasOauth) c.put('policies', { name: 'isOauthPluginEnabled', value: 'true' });
    emit('policies', true, true);
  }
  return {
    convertible: c.blockers.length === 0,
    blockers: c.blockers,
    notes: c.notes,
    mapped: c.mapped,
    unmapped: c.unmapped,
    fullName,
    files,
  };
}

/** The readiness verdict alone (for the `connected-app-migration` rule). */
export function checkReadiness(file: TextFile, fullName = 'App'): Readiness {
  const { files: _files, fullName: _name, ...readiness } = convertConnectedApp(file, fullName);
  return readiness;
}
