/**
 * Transition only: the protocol lives in `shared/protocol.ts`. The core files not yet moved
 * (inventory/describe.ts, inventory/checklist.ts) still import it from here; delete this file once
 * they import `../shared/protocol` (or `shared/`).
 */
export * from './shared/protocol';
