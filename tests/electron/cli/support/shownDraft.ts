import { z } from 'zod';
import { DraftViewSchema } from '../../../../shared/model/draft';
import { DraftImageSchema } from '../../../../shared/model/image';

/** What `drafts show ID --json` prints: the draft with where it stands on each blog, and every use of a library image in it. */
export const ShownDraftSchema = DraftViewSchema.extend({ images: z.array(DraftImageSchema) });
