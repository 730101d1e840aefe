import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { jobOptions, QUEUE_OF_JOB, QueueName, ScheduledJob } from '@delibera/kernel';

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * The producing side of the queues as the API holds it, for a test or bench
 * that runs the worker in another process: same ids, delays and options.
 */
export function deadlineQueues(prefix: string) {
  const queues = new Map<QueueName, Queue>();
  const queue = (name: QueueName) => {
    if (!queues.has(name))
      queues.set(name, new Queue(name, { connection: { url: TEST_REDIS_URL }, prefix }));
    return queues.get(name)!;
  };
  return {
    queue,
    async schedule(jobs: ScheduledJob[]): Promise<void> {
      const byQueue = new Map<QueueName, ScheduledJob[]>();
      for (const job of jobs)
        byQueue.set(QUEUE_OF_JOB[job.name], [...(byQueue.get(QUEUE_OF_JOB[job.name]) ?? []), job]);
      for (const [name, list] of byQueue)
        await queue(name).addBulk(
          list.map((job) => ({ name: job.name, data: job.data, opts: jobOptions(job) })),
        );
    },
    /** Deletes every key under this prefix only: what a flushed Redis means to this app, and to nobody else. */
    async flush(): Promise<number> {
      const redis = new Redis(TEST_REDIS_URL);
      let deleted = 0;
      try {
        let cursor = '0';
        do {
          const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
          cursor = next;
          if (keys.length > 0) deleted += await redis.del(...keys);
        } while (cursor !== '0');
      } finally {
        redis.disconnect();
      }
      return deleted;
    },
    async close(): Promise<void> {
      await Promise.all([...queues.values()].map((q) => q.close()));
    },
  };
}
