/**
 * A long import job asks V8 for a full garbage collection when its heap has grown past a bound.
 * Reading a register makes a lot of short-lived garbage (cells, rows, parsed values), and V8 lets
 * its heap grow far beyond what is alive (a 100,000-row register: ~40 MB alive, ~240 MB of heap
 * before V8 collected on its own); the server's memory would follow. A full collection of a heap
 * of that size takes tens of milliseconds, so it is asked only when the heap is over the bound.
 * When the runtime does not allow it, nothing happens.
 */
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
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

/** How much a job lets the heap grow over what was alive after the last collection. */
export const HEAP_GROWTH_BYTES = 32 * 1024 * 1024;

/** What was alive after the last collection asked (a guess before the first). */
let alive = 48 * 1024 * 1024;

/** A full garbage collection if the heap grew more than `growth` since the last one (and the runtime allows it). */
export function collectGarbageOver(growth = HEAP_GROWTH_BYTES): void {
  if (getHeapStatistics().used_heap_size <= alive + growth) return;
  if (collect === null) collect = gcFunction();
  if (!collect) return;
  collect();
  alive = getHeapStatistics().used_heap_size;
}
