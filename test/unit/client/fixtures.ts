/** Hand-written protocol objects (what the server answers for examples/acme-billing) and fakes. */
import type { AppInventory, ChecklistResult, FileInventory, FindingSummary, InventoryResult, ProjectInventory, Rng } from '../../../server/src/shared/protocol';
import type { InputOptions, PickItem, Ui } from '../../../client/src/commands/ports';

export const ROOT = 'file:///work/acme-billing';
const D = 'force-app/main/default';

export function rng(line: number, character: number, endCharacter = character + 5): Rng {
  return { start: { line, character }, end: { line, character: endCharacter } };
}

export function finding(path: string, code: string, severity: FindingSummary['severity'] = 'error', message = `${code} message. More detail.`, line = 1): FindingSummary {
  return { uri: `${ROOT}/${path}`, code, severity, message, range: rng(line, 1) };
}

export function file(path: string, type: string | null, typeLabel: string, state: FileInventory['state'], extra: Partial<FileInventory> = {}): FileInventory {
  return {
    uri: `${ROOT}/${path}`,
    path,
    type,
    typeLabel,
    packageable: type === 'ExternalClientApplication' || type === 'ExtlClntAppOauthSettings' ? 'yes' : 'no',
    packageDirectory: 'force-app',
    included: state !== 'excluded',
    state,
    findings: [],
    ...extra,
  };
}

export function acmeInventory(): InventoryResult {
  const billingHeader = file(`${D}/externalClientApps/AcmeBilling.eca-meta.xml`, 'ExternalClientApplication', 'Header', 'ships', {
    findings: [finding(`${D}/externalClientApps/AcmeBilling.eca-meta.xml`, 'distribution-state-not-packaged', 'error', 'App "AcmeBilling" ships in package "AcmeBilling" but its distributionState is "Local"; only a Packaged app can be packaged.', 4)],
  });
  const glbl = `${D}/extlClntAppGlobalOauthSets/AcmeBilling_glbloauth.ecaGlblOauth-meta.xml`;
  const billingGlobal = file(glbl, 'ExtlClntAppGlobalOauthSettings', 'Global OAuth settings', 'in-build-not-packageable', {
    findings: [finding(glbl, 'non-packageable-in-package'), finding(glbl, 'secret-in-source', 'error', 'A consumer key is committed.', 3)],
  });
  const billing: AppInventory = {
    name: 'AcmeBilling',
    packageDirectory: 'force-app',
    package: 'AcmeBilling',
    distributionState: 'Local',
    hasHeader: true,
    files: [
      billingGlobal,
      file(`${D}/extlClntAppOauthPolicies/AcmeBilling_oauthPlcy.ecaOauthPlcy-meta.xml`, 'ExtlClntAppOauthConfigurablePolicies', 'OAuth policies', 'excluded', {
        excludedBy: { uri: `${ROOT}/.forceignore`, line: 8, text: '**/extlClntAppOauthPolicies/**' },
      }),
      billingHeader,
      file(`${D}/extlClntAppOauthSettings/AcmeBilling_oauth.ecaOauth-meta.xml`, 'ExtlClntAppOauthSettings', 'OAuth settings', 'ships'),
    ],
  };
  const reportsHeaderPath = `${D}/externalClientApps/AcmeReports.eca-meta.xml`;
  const reportsHeader = file(reportsHeaderPath, 'ExternalClientApplication', 'Header', 'ships', { findings: [finding(reportsHeaderPath, 'org-scoped-app-missing')] });
  const plcy = `${D}/extlClntAppPolicies/AcmeReports_plcy.ecaPlcy-meta.xml`;
  const reportsPlcy = file(plcy, 'ExtlClntAppConfigurablePolicies', 'Plugin policies', 'in-build-not-packageable', { findings: [finding(plcy, 'non-packageable-in-package')] });
  const reports: AppInventory = {
    name: 'AcmeReports',
    packageDirectory: 'force-app',
    package: 'AcmeBilling',
    distributionState: 'Packaged',
    hasHeader: true,
    files: [reportsHeader, reportsPlcy],
  };
  const project: ProjectInventory = {
    uri: ROOT,
    name: 'acme-billing',
    packageDirectories: [{ path: 'force-app', package: 'AcmeBilling', default: true }],
    apps: [reports, billing],
    looseFiles: [],
  };
  return { projects: [project] };
}

export function acmeChecklist(allPass = false): ChecklistResult {
  const pass = (id: string, label: string) => ({ id, label, status: 'pass' as const });
  const fail = (id: string, label: string, f: FindingSummary) => (allPass ? pass(id, label) : { id, label, status: 'fail' as const, detail: f.message, finding: f });
  const billingHeader = `${D}/externalClientApps/AcmeBilling.eca-meta.xml`;
  return {
    apps: [
      {
        projectUri: ROOT,
        app: 'AcmeReports',
        package: 'AcmeBilling',
        items: [
          pass('distribution-state-packaged', 'distributionState is Packaged'),
          fail('org-scoped-app-set', 'orgScopedExternalApp names the Dev Hub', finding(`${D}/externalClientApps/AcmeReports.eca-meta.xml`, 'org-scoped-app-missing')),
          { id: 'oauth-link-set', label: 'OAuth settings have an oauthLink', status: 'not-applicable', detail: 'no OAuth settings' },
        ],
      },
      {
        projectUri: ROOT,
        app: 'AcmeBilling',
        package: 'AcmeBilling',
        items: [
          fail('distribution-state-packaged', 'distributionState is Packaged', finding(billingHeader, 'distribution-state-not-packaged')),
          pass('oauth-link-set', 'OAuth settings have an oauthLink'),
        ],
      },
    ],
  } as ChecklistResult;
}

/** A scripted Ui: answers inputs and picks in order, records every message. */
export class FakeUi implements Ui {
  readonly prompts: InputOptions[] = [];
  readonly picks: string[][] = [];
  readonly messages: { level: 'info' | 'warn' | 'error'; text: string }[] = [];
  /** Answers for input(), in order; a function gets the options (e.g. to run validate). */
  inputs: (string | undefined)[] = [];
  /** Labels to pick, in order (undefined: cancel). */
  pickLabels: (string | undefined)[] = [];
  /** The button info() answers with. */
  infoAnswer: string | undefined;

  async input(o: InputOptions): Promise<string | undefined> {
    this.prompts.push(o);
    if (!this.inputs.length) throw new Error(`unexpected input: ${o.prompt}`);
    const v = this.inputs.shift();
    if (v !== undefined && o.validate?.(v)) throw new Error(`the flow would not accept "${v}": ${o.validate(v)}`);
    return v;
  }

  async pick<T>(items: PickItem<T>[]): Promise<T | undefined> {
    this.picks.push(items.map((i) => i.label));
    if (!this.pickLabels.length) throw new Error(`unexpected pick among ${items.map((i) => i.label).join(', ')}`);
    const label = this.pickLabels.shift();
    return label === undefined ? undefined : items.find((i) => i.label === label)?.value;
  }

  async info(text: string): Promise<string | undefined> {
    this.messages.push({ level: 'info', text });
    return this.infoAnswer;
  }

  async warn(text: string): Promise<string | undefined> {
    this.messages.push({ level: 'warn', text });
    return undefined;
  }

  async error(text: string): Promise<void> {
    this.messages.push({ level: 'error', text });
  }
}
