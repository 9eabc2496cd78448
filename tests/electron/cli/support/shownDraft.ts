import { z } from 'zod';
import { DraftSchema } from '../../../../shared/model/draft';
import { DraftImageSchema } from '../../../../shared/model/image';

/** What `drafts show ID --json` prints: the draft, and every use of a library image in it. */
export const ShownDraftSchema = DraftSchema.extend({ images: z.array(DraftImageSchema) });
