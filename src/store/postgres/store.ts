import { AppError } from '../../domain/errors.js';
import type { JobQueue, JobQueueOptions } from '../queue.js';

/** The PostgreSQL store (work in progress: the implementation lands in the next commits). */
export class PostgresStore {
  jobQueue(_options: JobQueueOptions = {}): JobQueue {
    throw new AppError('unsupported', 'the PostgreSQL job queue is not implemented yet');
  }
}
