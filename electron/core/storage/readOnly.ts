import { AppError } from '../../../shared/result';

/** A change asked of a library opened read-only (by a command that only reads, while the app may be writing). */
export function readOnlyRefusal(): AppError {
  return new AppError('unavailable', 'This library was opened read-only: nothing can be changed through it.');
}

/**
 * A reader found damage that only a writer may repair: repairs move and rewrite files, which a
 * reader must never do while the app may be writing the same library.
 */
export class RepairNeededError extends AppError {
  constructor(problem: string) {
    super(
      'unavailable',
      `${problem} Commonplace repairs it when it next opens the library for writing: start the app, or run a command that changes the library.`,
    );
    this.name = 'RepairNeededError';
  }
}
