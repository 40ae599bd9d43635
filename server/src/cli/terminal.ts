// The terminal the CLI writes to (no import: the cache lookup asks before the engine is loaded).

/**
 * Whether stdout is a terminal known to show OSC 8 hyperlinks. Conservative: never when not a TTY,
 * with NO_COLOR, in CI or on a dumb terminal, and only for terminals known to support them.
 */
export function supportsHyperlinks({ isTTY, env }: { isTTY: boolean; env: Record<string, string | undefined> }): boolean {
  if (!isTTY || env.NO_COLOR !== undefined || env.CI !== undefined || env.TERM === 'dumb') return false;
  if (env.FORCE_HYPERLINK === '1') return true;
  if (env.WT_SESSION || env.VTE_VERSION || env.KONSOLE_VERSION || env.KITTY_WINDOW_ID || env.WEZTERM_EXECUTABLE) return true;
  return ['vscode', 'iTerm.app', 'WezTerm', 'ghostty', 'Hyper'].includes(env.TERM_PROGRAM ?? '') || env.TERM === 'xterm-kitty' || env.TERM === 'xterm-ghostty';
}
