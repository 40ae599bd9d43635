import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { fullNameOf, retrieveCommand } from '../../../client/src/commands/retrieveCommand';
import { acmeInventory, file } from './fixtures';

test('retrieve command: header and the app\'s files, lower-case type names, no global OAuth settings', () => {
  const billing = acmeInventory().projects[0]!.apps.find((a) => a.name === 'AcmeBilling')!;
  assert.equal(
    retrieveCommand(billing),
    'sf project retrieve start --metadata externalclientapplication:AcmeBilling --metadata extlclntappoauthsettings:AcmeBilling_oauth --metadata extlclntappoauthconfigurablepolicies:AcmeBilling_oauthPlcy',
  );
  const reports = acmeInventory().projects[0]!.apps.find((a) => a.name === 'AcmeReports')!;
  assert.equal(retrieveCommand(reports), 'sf project retrieve start --metadata externalclientapplication:AcmeReports --metadata extlclntappconfigurablepolicies:AcmeReports_plcy');
});

test('retrieve command: full names from file names, dotted names kept, odd names quoted', () => {
  assert.equal(fullNameOf(file('a/My.App.eca-meta.xml', 'ExternalClientApplication', 'Header', 'ships')), 'My.App');
  assert.equal(fullNameOf(file('a/X_oauth.ecaOauth', 'ExtlClntAppOauthSettings', 'OAuth settings', 'ships')), 'X_oauth');
  assert.equal(fullNameOf(file('a/X.eca.xml', null, 'Unrecognized', 'unrecognized')), undefined);
  const app = { ...acmeInventory().projects[0]!.apps[0]!, name: "Odd App's", files: [] };
  assert.equal(retrieveCommand(app), `sf project retrieve start --metadata 'externalclientapplication:Odd App'\\''s'`);
});
