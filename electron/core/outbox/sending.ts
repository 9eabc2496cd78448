/**
 * What the outbox needs only when it reaches a blog: attempts and their image uploads, conflicts,
 * pulls, the verdict on a failure, new client identities. Loaded on first use, so a command that
 * only reads where drafts stand (`drafts list`, `drafts show`) loads no publishing code.
 */
export { newClientIdentity } from '../publishing/clientIdentity';
export { conflictDetails, takeTheirs } from './conflicts';
export { pullRecent } from './pull';
export { remoteLinkOf } from './remoteLink';
export { defaultBackoff, judgeFailure } from './retryPolicy';
export { sendEntry } from './sendEntry';
export { BlogImages } from './sendImages';
