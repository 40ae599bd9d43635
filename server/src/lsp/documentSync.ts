/**
 * Notifications about files from the client: open buffers (their text overlays the disk), saves,
 * watched-file events. Each queues the path; unchanged opens and closes queue nothing.
 */
import { FileChangeType, type DidChangeWatchedFilesParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ChangeQueue } from './changeQueue';
import type { SessionState } from './state';

export class DocumentSync {
  constructor(
    private readonly st: SessionState,
    private readonly queue: ChangeQueue,
  ) {}

  /** Does the project already hold exactly this text for the path (opening or closing an unchanged file)? */
  private sameAsIndexed(p: string, text: string): boolean {
    if (this.queue.has(p)) return false;
    const t = this.st.ws.projectFor(p)?.textOf(p);
    return !!t && (t.bom ? '\uFEFF' : '') + t.text === text;
  }

  didChangeContent(doc: TextDocument): void {
    const { st } = this;
    const p = st.pathOf(doc.uri);
    if (!p || !st.isRelevant(p)) return;
    const text = doc.getText();
    const unchanged = !st.openDocs.has(p) && this.sameAsIndexed(p, text);
    st.openDocs.set(p, doc);
    st.ws.host.set(p, text);
    if (!unchanged) this.queue.enqueue(p);
  }

  didClose(doc: TextDocument): void {
    const { st } = this;
    const p = st.pathOf(doc.uri);
    if (!p || !st.openDocs.has(p)) return;
    st.openDocs.delete(p);
    st.ws.host.set(p, undefined);
    const disk = st.ws.host.readFile(p);
    if (disk && this.sameAsIndexed(p, Buffer.from(disk.buffer, disk.byteOffset, disk.byteLength).toString('utf8'))) return;
    this.queue.enqueue(p);
  }

  didSave(doc: TextDocument): void {
    const p = this.st.pathOf(doc.uri);
    if (p && this.st.isRelevant(p)) this.queue.enqueue(p);
  }

  didChangeWatchedFiles(params: DidChangeWatchedFilesParams): void {
    for (const c of params.changes) {
      const p = this.st.pathOf(c.uri);
      if (!p) continue;
      // Deletions of folders matter; other events only for the files ECA Lens reads.
      if (c.type === FileChangeType.Deleted || this.st.isRelevant(p)) this.queue.enqueue(p);
    }
  }
}
