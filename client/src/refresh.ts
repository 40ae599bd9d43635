/**
 * Coalesces refreshes: a burst of `ecaLens/inventoryChanged` notifications runs at most one
 * request in flight and one more after it, never a queue, never a timer.
 */
export class Coalescer {
  private running: Promise<void> | undefined;
  private again = false;

  constructor(private readonly run: () => Promise<void>) {}

  /** Resolves once a run that started after this call has finished. */
  trigger(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.run().catch(() => undefined);
        } while (this.again);
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }
}

/**
 * The views' refreshes that notifications ask for (inventory changed, diagnostics changed, server
 * ready) run only while a view is on screen. Asked for while none is, they wait: the first view
 * shown then refreshes once. On a big project the inventory is megabytes that the server builds
 * and writes in one piece, and nothing else runs on the server meanwhile (bench/lsp.mjs times it
 * on the bench's 2,000-app tree); no reason to build it for a view nobody sees. Commands that need
 * fresh data call the refresh itself, shown or not.
 */
export class RefreshWhenShown {
  private stale = false;

  constructor(
    private readonly shown: () => boolean,
    private readonly refresh: () => Promise<void>,
  ) {}

  /** A notification asks for fresh views. */
  request(): void {
    if (this.shown()) void this.refresh();
    else this.stale = true;
  }

  /** A view was shown or hidden. */
  visibilityChanged(): void {
    if (!this.stale || !this.shown()) return;
    this.stale = false;
    void this.refresh();
  }
}
