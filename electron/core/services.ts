import type { Handlers } from '../../shared/contract';
import { EventHub } from './events';
import { createHandlers } from './handlers';
import { DraftLibrary } from './library/draftLibrary';

export interface ServiceOptions {
  /** The library folder. */
  readonly dataFolder: string;
  readonly now?: () => Date;
  readonly logError: (message: string, error: unknown) => void;
}

/** Everything a host needs: the core services, wired, and the contract's handlers over them. */
export interface Services {
  readonly library: DraftLibrary;
  /** Events for the renderer; hosts forward them over their own channel. */
  readonly events: EventHub;
  readonly handlers: Handlers;
  /** Flushes pending writes; the host calls it before it exits. */
  close(): Promise<void>;
}

export async function openServices(options: ServiceOptions): Promise<Services> {
  const library = await DraftLibrary.open({
    folder: options.dataFolder,
    logError: options.logError,
    ...(options.now ? { now: options.now } : {}),
  });
  return {
    library,
    events: new EventHub(),
    handlers: createHandlers({ library }),
    close: () => library.close(),
  };
}
