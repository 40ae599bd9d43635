/**
 * The few editor services the command flows need, as plain interfaces: vscode implements them in
 * ../adapters.ts, the unit tests with fakes. Nothing here imports vscode.
 */

export interface InputOptions {
  title?: string;
  prompt: string;
  value?: string;
  placeHolder?: string;
  /** An error message for invalid input, undefined when valid. */
  validate?: (value: string) => string | undefined;
}

export interface PickItem<T> {
  label: string;
  description?: string;
  detail?: string;
  value: T;
}

export interface Ui {
  /** undefined when the user cancels. */
  input(options: InputOptions): Promise<string | undefined>;
  pick<T>(items: PickItem<T>[], options: { title?: string; placeHolder?: string }): Promise<T | undefined>;
  info(message: string, ...actions: string[]): Promise<string | undefined>;
  warn(message: string, ...actions: string[]): Promise<string | undefined>;
  error(message: string): Promise<void>;
}
