import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { only, preferred, withFixture } from '../../helpers/eca';
import type { Fixture } from '../../helpers/fixture';
import { offsetsOf } from '../../helpers/fixture';
import type { Finding } from '../../../server/src/engine';

const ID = 'cli-metadata-type-case';

/** The text the finding covers. */
function covered(fx: Fixture, rel: string, f: Finding): string {
  const t = fx.read(rel);
  const o = offsetsOf(f, t);
  return t.slice(o.start, o.end);
}

test(`${ID}: package.json script with \\"quoted\\" values, -m and --metadata, commas: each ECA type token, information`, () => {
  const before = '{\n  "scripts": {\n    "retrieve": "sf project retrieve start -m \\"ExternalClientApplication:Billing\\" --metadata ExtlClntAppOauthSettings:Billing_oauth,ApexClass:Foo -o hub && echo ok"\n  }\n}\n';
  const after = '{\n  "scripts": {\n    "retrieve": "sf project retrieve start -m \\"externalclientapplication:Billing\\" --metadata ExtlClntAppOauthSettings:Billing_oauth,ApexClass:Foo -o hub && echo ok"\n  }\n}\n';
  withFixture({ 'package.json': before }, (fx) => {
    const fs = fx.findings('package.json', ID);
    assert.equal(fs.length, 2);
    assert.deepEqual(fs.map((f) => covered(fx, 'package.json', f)), ['ExternalClientApplication', 'ExtlClntAppOauthSettings']);
    assert.equal(fs[0]!.severity, 'information');
    assert.match(fs[0]!.message, /Type "ExternalClientApplication" given to --metadata in PascalCase: the packaging guide reports that PascalCase ECA type names retrieve nothing\. Write "externalclientapplication"/);
    const fix = preferred(fs[0]!);
    assert.equal(fix.kind, 'safe');
    fx.apply(fix);
    assert.equal(fx.read('package.json'), after);
    JSON.parse(fx.read('package.json'));
    assert.equal(fx.findings('package.json', ID).length, 1);
    fx.apply(preferred(fx.findings('package.json', ID)[0]!));
    assert.equal(fx.read('package.json'), after.replace('ExtlClntAppOauthSettings:Billing_oauth', 'extlclntappoauthsettings:Billing_oauth'));
    assert.equal(fx.findings('package.json', ID).length, 0);
  });
});

test(`${ID}: shell script with sfdx force:source:retrieve, a line continuation and --metadata=; the member name keeps its case`, () => {
  const sh = '#!/bin/sh\nsfdx force:source:retrieve -m ExtlClntAppGlobalOauthSettings:Billing_Glbl \\\n  --metadata=ExtlClntAppOauthConfigurablePolicies:Billing_Plcy\nsf org list -m ExternalClientApplication\n';
  withFixture({ 'scripts/retrieve.sh': sh }, (fx) => {
    const fs = fx.findings('scripts/retrieve.sh', ID);
    assert.deepEqual(fs.map((f) => covered(fx, 'scripts/retrieve.sh', f)), ['ExtlClntAppGlobalOauthSettings', 'ExtlClntAppOauthConfigurablePolicies']);
    fx.apply(preferred(fs[1]!));
    assert.equal(fx.read('scripts/retrieve.sh'), sh.replace('ExtlClntAppOauthConfigurablePolicies:Billing_Plcy', 'extlclntappoauthconfigurablepolicies:Billing_Plcy'));
    fx.apply(preferred(only(fx.findings('scripts/retrieve.sh', ID))));
    assert.equal(fx.findings('scripts/retrieve.sh', ID).length, 0);
  });
});

test(`${ID}: GitHub workflow: several values after one flag`, () => {
  const yml = 'jobs:\n  r:\n    steps:\n      - run: sf project retrieve start --metadata ExternalClientApplication:Billing ExtlClntAppOauthSettings --target-org hub\n';
  withFixture({ '.github/workflows/release.yml': yml }, (fx) => {
    const fs = fx.findings('.github/workflows/release.yml', ID);
    assert.deepEqual(fs.map((f) => covered(fx, '.github/workflows/release.yml', f)), ['ExternalClientApplication', 'ExtlClntAppOauthSettings']);
  });
});

test(`${ID}: lower-case types, other commands, other types, node_modules: nothing`, () => {
  const files = {
    'package.json': '{ "scripts": { "a": "sf project retrieve start -m externalclientapplication:Billing", "b": "sf project deploy start -m ExternalClientApplication", "c": "sf project retrieve start -m ApexClass:ExternalClientApplication" } }\n',
    'node_modules/x/package.json': '{ "scripts": { "a": "sf project retrieve start -m ExternalClientApplication" } }\n',
    'node_modules/x/run.sh': 'sf project retrieve start -m ExternalClientApplication\n',
    'notes.txt': 'sf project retrieve start -m ExternalClientApplication\n',
  };
  withFixture(files, (fx) => {
    assert.deepEqual([...fx.check().values()].flat().filter((f) => f.ruleId === ID), []);
  });
});

test(`${ID}: one finding exactly on the type token of a single-quoted value`, () => {
  withFixture({ 'ci.sh': "sf project retrieve start -m 'ExternalClientApplication:My App'\n" }, (fx) => {
    const f = only(fx.findings('ci.sh', ID));
    assert.equal(covered(fx, 'ci.sh', f), 'ExternalClientApplication');
    fx.apply(preferred(f));
    assert.equal(fx.read('ci.sh'), "sf project retrieve start -m 'externalclientapplication:My App'\n");
    assert.equal(fx.findings('ci.sh', ID).length, 0);
  });
});
