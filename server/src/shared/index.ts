/**
 * The one module the client and the server share (as vscode-eslint's `$shared/`): the custom
 * protocol, the ECA type table's data, the rule list, documentation locations. Nothing here imports
 * from the rest of server/src, from vscode or from the LSP libraries.
 */
export * from './protocol';
export * from './ecaTypes';
export * from './rules';
export * from './docs';
