import type { FastifyBaseLogger } from 'fastify';
import { describe, expect, it, vi } from 'vitest';
import { dailyJobRunner, startDailyJob } from './daily-job.js';

/** A logger that keeps what it is told. */
function keptLog() {
  const lines: Array<{ level: string; object: Record<string, unknown>; message: string }> = [];
  const keep = (level: string) => (object: Record<string, unknown>, message: string) => lines.push({ level, object, message });
  const log = { error: keep('error'), info: keep('info'), warn: keep('warn') } as unknown as FastifyBaseLogger;
  return { log, lines };
}

describe('daily jobs', () => {
  it('a failing job is logged and never throws; the next call runs it again', async () => {
    const { log, lines } = keptLog();
    let calls = 0;
    const run = dailyJobRunner(
      {
        name: 'test',
        run: async () => {
          calls++;
          throw new Error('database away');
        },
      },
      log,
    );
    await expect(run()).resolves.toBeUndefined();
    await expect(run()).resolves.toBeUndefined();
    expect(calls).toBe(2);
    expect(lines.map((line) => [line.level, line.object.job, line.message])).toEqual([
      ['error', 'test', 'daily job failed: tried again next hour'],
      ['error', 'test', 'daily job failed: tried again next hour'],
    ]);
  });

  it('a job never overlaps itself: a call while it runs is given that run', async () => {
    const { log } = keptLog();
    let calls = 0;
    let finish = () => {};
    const run = dailyJobRunner(
      {
        name: 'slow',
        run: () => {
          calls++;
          return new Promise<void>((resolve) => {
            finish = resolve;
          });
        },
      },
      log,
    );
    const first = run();
    const second = run();
    expect(second).toBe(first);
    finish();
    await first;
    expect(calls).toBe(1);
  });

  it('started: the first check after a minute at most, then every `every`; once stopped, no more', async () => {
    vi.useFakeTimers();
    try {
      const { log } = keptLog();
      let runs = 0;
      const stop = startDailyJob({ name: 'ticks', run: async () => void runs++ }, log, 3_600_000);
      await vi.advanceTimersByTimeAsync(59_999);
      expect(runs).toBe(0);
      await vi.advanceTimersByTimeAsync(1);
      expect(runs).toBe(1);
      await vi.advanceTimersByTimeAsync(3_600_000);
      expect(runs).toBe(2);
      await stop();
      await vi.advanceTimersByTimeAsync(10 * 3_600_000);
      expect(runs).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
