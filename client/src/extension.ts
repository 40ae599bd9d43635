import type * as vscode from 'vscode';

/** Placeholder until the VS Code client lands. */
export function activate(_context: vscode.ExtensionContext): void {}
export function deactivate(): void {}
