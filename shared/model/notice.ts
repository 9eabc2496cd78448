import { z } from 'zod';

/** Something the library did on the writer's behalf that they should hear about. */
export const LibraryNoticeSchema = z.strictObject({
  kind: z.enum(['recovered', 'unrecoverable', 'newer-version']),
  draftId: z.string(),
  message: z.string(),
  at: z.iso.datetime({ offset: true }),
});
export type LibraryNotice = z.infer<typeof LibraryNoticeSchema>;
