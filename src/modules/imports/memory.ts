/**
 * A long import job asks V8 for a full garbage collection every so many rows. Reading a
 * register makes a lot of short-lived garbage (cells, rows, parsed values), and V8 lets its heap
 * grow far beyond what is alive (a 100,000-row register: ~40 MB alive, ~240 MB of heap before
 * V8 collected on its own); the server's memory would follow. A full collection of a heap of
 * that size takes a few milliseconds. When the runtime does not allow it, nothing happens.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

function gcFunction(): (() => void) | undefined {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (typeof existing === 'function') return existing;
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  }
}

let collect: (() => void) | undefined | null = null;

/** A full garbage collection, if the runtime allows it. */
export function collectGarbage(): void {
  if (collect === null) collect = gcFunction();
  collect?.();
}
