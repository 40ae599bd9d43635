/** Language server entry (bundled to server/out/server.js). Wiring lives in lsp/startServer.ts. */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/startServer';

startServer(createConnection(ProposedFeatures.all));
