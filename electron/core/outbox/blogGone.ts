import { AppError } from '../../../shared/result';

/** The blog an entry was going to is no longer among the writer's blogs. */
export class BlogGoneError extends AppError {
  constructor(cause: unknown) {
    super(
      'not-found',
      'The blog this was going to was removed from your blogs: publish the draft to another blog, or cancel this.',
      { cause },
    );
    this.name = 'BlogGoneError';
  }
}
