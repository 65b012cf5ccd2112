/**
 * Collects the calls made in the same turn of the event loop and runs them as one: what many
 * concurrent requests ask of the database in the same moment becomes one statement (one write
 * on the socket, one commit) instead of one each. `run` answers one result per item, in order;
 * when it throws, every caller of that batch gets the error.
 */
export class TickBatch<I, O> {
  private waiting: Array<{ item: I; resolve(out: O): void; reject(e: unknown): void }> = [];
  private scheduled = false;

  constructor(
    private readonly run: (items: I[]) => Promise<O[]>,
    private readonly max = 64,
  ) {}

  add(item: I): Promise<O> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    const batch = this.waiting.splice(0, this.max);
    if (this.waiting.length) {
      this.scheduled = true;
      setImmediate(() => void this.flush());
    }
    try {
      const out = await this.run(batch.map((b) => b.item));
      batch.forEach((b, i) => b.resolve(out[i]));
    } catch (e) {
      for (const b of batch) b.reject(e);
    }
  }
}
