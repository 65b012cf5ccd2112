/**
 * A thread that makes batches of petitions for bench/load.ts: the generator (texts, audit
 * chains with SHA-256) is what bounds COPY, and one thread per core keeps PostgreSQL fed.
 * Each batch's UTF-8 text is moved, not copied, to the loading thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PetitionGenerator, type Batch, type GeneratorOptions, type World } from './workload.ts';

export interface BatchRequest {
  from: number;
  to: number;
}

export type BatchBytes = Batch & { from: number };

const { world, options } = workerData as { world: World; options: GeneratorOptions };
const generator = new PetitionGenerator(world, options);

parentPort!.on('message', ({ from, to }: BatchRequest) => {
  const batch: BatchBytes = { ...generator.batch(from, to), from };
  const moved = [batch.petitions, batch.petitioners, batch.events, batch.ratings, batch.audit].map((b) => b.buffer);
  parentPort!.postMessage(batch, moved);
});
