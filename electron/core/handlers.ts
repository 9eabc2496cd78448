import type { Handlers } from '../../shared/contract';
import { emptyDraftContent } from '../../shared/model/draft';
import type { DraftLibrary } from './library/draftLibrary';

/** The contract's calls, implemented over the core services. */
export function createHandlers(services: { readonly library: DraftLibrary }): Handlers {
  const { library } = services;
  return {
    listDrafts: ({ includeTrashed }) => Promise.resolve(library.list({ includeTrashed: includeTrashed === true })),
    getDraft: async ({ id }) => library.get(id),
    createDraft: async ({ content }) => library.create(content ?? emptyDraftContent()),
    saveDraft: async ({ id, content }) => library.save(id, content),
  };
}
