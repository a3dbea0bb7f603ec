/**
 * The server's import jobs: a dry run or an import runs in the server process, one at a time
 * per import, so it goes on when the page is closed. A job records its outcome in the import's
 * row itself; what is kept here (the running promise, the writing's progress) does not matter
 * once the process stops: on start, an import left analysing or importing is marked failed
 * (`import.interrupted`), and the import's single transaction guarantees nothing half-written.
 */
export interface JobProgress {
  done: number;
  total: number;
}

export class ImportJobs {
  private readonly running = new Map<number, Promise<void>>();
  private readonly progress = new Map<number, JobProgress>();

  /** Whether a job of this import is running. */
  isRunning(importId: number): boolean {
    return this.running.has(importId);
  }

  /**
   * Starts `work` for an import (after the one running, if any) and returns its promise, which
   * never rejects: the work records its own failure.
   */
  start(importId: number, work: (progress: (done: number, total: number) => void) => Promise<void>): Promise<void> {
    const before = this.running.get(importId) ?? Promise.resolve();
    const job: Promise<void> = before
      .then(() => work((done, total) => this.progress.set(importId, { done, total })))
      .catch((error: unknown) => {
        // The work records its failure in the import; this is only what escaped it.
        console.error(`Import ${importId}: job failed`, error instanceof Error ? error.message : error);
      })
      .finally(() => {
        if (this.running.get(importId) === job) {
          this.running.delete(importId);
          this.progress.delete(importId);
        }
      });
    this.running.set(importId, job);
    return job;
  }

  /** The progress a running job reported (the import's writing is one transaction: its row cannot say it). */
  progressOf(importId: number): JobProgress | undefined {
    return this.progress.get(importId);
  }

  /** Resolves when no job is running (tests wait on it; the server waits on it before closing). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running.values()]);
  }
}
