/** Refresh the views, show the server's output, restart the server. */
import type { CommandContext, Register } from './context';

export function registerServerCommands(cc: CommandContext, cmd: Register): void {
  cmd('ecaLens.refresh', () => cc.refresh());
  cmd('ecaLens.showOutput', () => cc.server.outputChannel?.show(true));
  cmd('ecaLens.restartServer', () => cc.server.restart());
}
