import type { AppEvent } from '../../shared/contract';
import type { DraftSummary } from '../../shared/model/draft';

const at = '2026-11-24T10:00:00.000Z';
const summary: DraftSummary = {
  id: 'draft-00000001',
  title: 'A draft',
  firstWords: 'Its first words',
  hashtags: ['Reading'],
  status: 'draft',
  createdAt: at,
  updatedAt: at,
  revision: 2,
  trashedAt: null,
};

/**
 * One event of each type the contract declares, as the core would send it. Typed so that a new
 * event type cannot be declared without a sample here, and so without being carried by the tests
 * of every host that uses these.
 */
export const sampleEvents: { readonly [Type in AppEvent['type']]: Extract<AppEvent, { type: Type }> } = {
  command: { type: 'command', command: 'newDraft' },
  'open-draft': { type: 'open-draft', id: 'draft-00000001' },
  'archive-progress': {
    type: 'archive-progress',
    jobId: 'job-00000001',
    progress: { phase: 'importing', done: 3, total: 10 },
  },
  'draft-changed': { type: 'draft-changed', summary },
  'drafts-deleted': { type: 'drafts-deleted', ids: ['draft-00000001'] },
  'tags-changed': { type: 'tags-changed', tags: [{ tag: 'Reading', count: 1 }] },
  'target-changed': {
    type: 'target-changed',
    draftId: 'draft-00000001',
    accountId: 'account-0001',
    state: { state: 'queued', queuedAt: at },
    status: 'queued',
  },
  'outbox-entry-changed': {
    type: 'outbox-entry-changed',
    entry: {
      schemaVersion: 3,
      id: 'entry-00000001',
      sequence: 0,
      draftId: 'draft-00000001',
      accountId: 'account-0001',
      action: 'publish',
      schedule: { status: 'publish' },
      identity: 'a-draft-abc123',
      remote: null,
      mayExist: false,
      force: false,
      attempts: 0,
      interruptions: 0,
      createdAt: at,
      state: { state: 'queued' },
    },
  },
  'accounts-changed': { type: 'accounts-changed', accounts: [] },
  notice: {
    type: 'notice',
    notice: { kind: 'recovered', draftId: 'draft-00000001', message: 'A draft was restored.', at },
  },
  'theme-snapshot-changed': { type: 'theme-snapshot-changed', accountId: 'account-0001', info: null },
  'open-url': { type: 'open-url', url: 'https://accounts.google.com/o/oauth2/v2/auth?client_id=x' },
};
