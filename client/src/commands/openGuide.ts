/**
 * "Open Subscriber Guide": the server's Markdown post-install guide (`ecaLens/guide`) for the
 * project of the active file (else the first with a packaged app), shown in the Markdown preview.
 * With several packaged apps the user picks one or all.
 */
import type { GuideParams, GuideResult } from '../../../server/src/shared/protocol';
import type { Ui } from './ports';

export interface GuideDeps {
  ui: Ui;
  /** The active editor's file URI, if any. */
  activeUri(): string | undefined;
  /** `ecaLens/guide`; undefined when the server is not running. */
  guide(params: GuideParams): Promise<GuideResult | undefined>;
  /** Show the Markdown in the preview, as a read-only document named `name` (ends in `.md`). */
  show(name: string, markdown: string): Promise<void>;
}

export const ALL_APPS = 'All apps';
export const NO_PACKAGED_APP =
  'ECA Lens: no External Client App ships in a package of this project (a header in a packageDirectories entry with "package"), so there is no subscriber guide to write.';

/** The preview's document name: `Subscriber Guide.md`, or `Subscriber Guide - App.md` for one app of several. */
export function guideName(app?: string): string {
  return app ? `Subscriber Guide - ${app.replace(/[\\/:*?"<>|]/g, '_')}.md` : 'Subscriber Guide.md';
}

/** Returns the name of the document shown, undefined when nothing was shown. */
export async function openGuide(deps: GuideDeps): Promise<string | undefined> {
  const uri = deps.activeUri();
  const base: GuideParams = uri ? { uri } : {};
  let r = await deps.guide(base);
  if (!r) {
    await deps.ui.error('ECA Lens: the language server is not running; try "ECA Lens: Restart Server".');
    return undefined;
  }
  if (!r.apps.length || !r.markdown) {
    await deps.ui.info(NO_PACKAGED_APP);
    return undefined;
  }
  let app: string | undefined;
  if (r.apps.length > 1) {
    const picked = await deps.ui.pick<{ app?: string }>(
      [{ label: ALL_APPS, description: `${r.apps.length} packaged apps, one section each`, value: {} }, ...r.apps.map((a) => ({ label: a, value: { app: a } }))],
      { title: 'ECA Lens: Open Subscriber Guide', placeHolder: 'Which packaged app?' },
    );
    if (!picked) return undefined;
    app = picked.app;
    if (app !== undefined) {
      r = await deps.guide({ ...base, app });
      if (!r?.markdown) {
        await deps.ui.info(`ECA Lens: "${app}" no longer ships in a package.`);
        return undefined;
      }
    }
  }
  const name = guideName(app);
  await deps.show(name, r.markdown);
  return name;
}
