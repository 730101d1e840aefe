import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DataSource,
  EntityManager,
  EntitySubscriberInterface,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';

type Task = () => Promise<void>;

/**
 * Runs work once another domain's transaction commits: a vote created inside
 * a proposal's transaction has its deadline jobs enqueued only when it exists
 * for the worker to read. Rolled back, the work is dropped.
 */
@Injectable()
export class AfterCommit implements EntitySubscriberInterface {
  private readonly pending = new WeakMap<QueryRunner, Task[]>();

  constructor(@InjectDataSource() dataSource: DataSource) {
    dataSource.subscribers.push(this);
  }

  /** Queues `task` for the commit of the transaction `manager` belongs to. */
  run(manager: EntityManager, task: Task): void {
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive) throw new Error('AfterCommit needs a transaction');
    const tasks = this.pending.get(runner) ?? [];
    tasks.push(task);
    this.pending.set(runner, tasks);
  }

  async afterTransactionCommit({ queryRunner }: TransactionCommitEvent): Promise<void> {
    // A savepoint released is no commit: wait for the outermost transaction.
    if (queryRunner.isTransactionActive) return;
    const tasks = this.pending.get(queryRunner) ?? [];
    this.pending.delete(queryRunner);
    for (const task of tasks) await task();
  }

  afterTransactionRollback({ queryRunner }: TransactionRollbackEvent): void {
    if (!queryRunner.isTransactionActive) this.pending.delete(queryRunner);
  }
}
