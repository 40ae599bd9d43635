/**
 * The CLI's engine (bundled to server/out/cliEngine.js): every command. The entry (cli.ts, bundled
 * to server/out/cli.js) loads it unless the cache answered (cli/cacheRequest.ts).
 */
export { run } from './cli/main';
