import path from 'node:path';
import type { AppEvent } from '../../../shared/contract';
import type { ArchiveProgress, ExportFormat, ExportReport, ImportReport } from '../../../shared/model/archive';
import { AppError } from '../../../shared/result';
import type { Accounts } from '../accounts/accounts';
import type { DraftLibrary } from '../library/draftLibrary';
import type { MediaStore } from '../media/mediaStore';
import type { LibraryView } from '../libraryView';
import type { Outbox } from '../outbox/outbox';
import { StaticSiteAdapter } from '../publishing/static/staticSiteAdapter';
import { exportLibrary } from './exportLibrary';
import { importArchive, type SitePostLink } from './importArchive';

/** How often a job's progress is announced, at most. */
const PROGRESS_INTERVAL_MS = 100;

export interface ArchiveJobsOptions {
  readonly library: DraftLibrary;
  /** The library's images: exported beside the drafts, imported back with them. */
  readonly media: MediaStore;
  readonly view: LibraryView;
  readonly outbox: Outbox;
  readonly accounts: Accounts;
  readonly events: { publish(event: AppEvent): void };
  readonly now: () => Date;
  readonly newId: () => string;
}

/**
 * Exports and imports as jobs the writer can follow and cancel: each names itself with a job id
 * the caller chooses, announces its progress as `archive-progress` events, and stops at the next
 * draft when cancelled.
 */
export class ArchiveJobs {
  readonly #options: ArchiveJobsOptions;
  readonly #running = new Map<string, AbortController>();

  constructor(options: ArchiveJobsOptions) {
    this.#options = options;
  }

  export(request: {
    readonly jobId: string;
    readonly folder: string;
    readonly format: ExportFormat;
    readonly draftIds: readonly string[] | null;
  }): Promise<ExportReport> {
    return this.#run(request.jobId, (signal, onProgress) =>
      exportLibrary({
        library: this.#options.library,
        media: this.#options.media,
        view: this.#options.view,
        accounts: this.#options.accounts.list(),
        folder: path.resolve(request.folder),
        format: request.format,
        draftIds: request.draftIds,
        now: this.#options.now,
        onProgress,
        signal,
      }),
    );
  }

  /** Each draft made or linked is announced as the library and the outbox announce any change. */
  import(request: { readonly jobId: string; readonly path: string; readonly dryRun: boolean }): Promise<ImportReport> {
    return this.#run(request.jobId, (signal, onProgress) =>
      importArchive({
        library: this.#options.library,
        media: this.#options.media,
        links: this.#options.outbox,
        accounts: this.#options.accounts.list(),
        sitePost: (file) => this.#sitePost(file),
        path: path.resolve(request.path),
        dryRun: request.dryRun,
        newId: this.#options.newId,
        onProgress,
        signal,
      }),
    );
  }

  /** Stops the job at its next draft; false when no such job is running. */
  cancel(jobId: string): boolean {
    const job = this.#running.get(jobId);
    job?.abort();
    return job !== undefined;
  }

  async #run<T>(
    jobId: string,
    work: (signal: AbortSignal, onProgress: (progress: ArchiveProgress) => void) => Promise<T>,
  ): Promise<T> {
    if (this.#running.has(jobId)) throw new AppError('conflict', `A job named ${jobId} is already running.`);
    const controller = new AbortController();
    this.#running.set(jobId, controller);
    try {
      return await work(controller.signal, this.#announcer(jobId));
    } finally {
      this.#running.delete(jobId);
    }
  }

  /**
   * Announces a job's progress at most every PROGRESS_INTERVAL_MS (and at each change of phase and
   * at the end), so that 10,000 posts do not make 10,000 events for the page to render.
   */
  #announcer(jobId: string): (progress: ArchiveProgress) => void {
    let last: { phase: ArchiveProgress['phase']; at: number } | null = null;
    return (progress) => {
      const at = this.#options.now().getTime();
      const finished = progress.total !== null && progress.done >= progress.total;
      if (last !== null && last.phase === progress.phase && !finished && at - last.at < PROGRESS_INTERVAL_MS) return;
      last = { phase: progress.phase, at };
      this.#options.events.publish({ type: 'archive-progress', jobId, progress });
    };
  }

  /** The static site post a file is: a committed file in the posts folder of a site account. */
  async #sitePost(file: string): Promise<SitePostLink | null> {
    for (const account of this.#options.accounts.list()) {
      if (account.kind !== 'static') continue;
      const relative = path.relative(account.site.folder, file).split(path.sep).join('/');
      if (relative.startsWith('../') || path.posix.dirname(relative) !== account.site.layout.folder) continue;
      const adapter = await this.#options.accounts.adapterFor(account.id);
      if (!(adapter instanceof StaticSiteAdapter)) continue;
      const post = await adapter.localPost(relative);
      if (post !== null)
        return { accountId: account.id, remoteId: post.remoteId, url: post.url, modifiedAt: post.modifiedAt };
    }
    return null;
  }
}
