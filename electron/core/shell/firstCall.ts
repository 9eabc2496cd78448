import type { Handlers } from '../../../shared/contract';

/**
 * The contract's handlers, unchanged, with a promise that settles at the page's first call.
 * Events sent before the page listens are lost, and the page starts listening in the same
 * render that makes its first calls (App's mount effects), so its first call is the moment from
 * which an event such as 'open-draft' is sure to be heard.
 */
export function watchFirstCall(handlers: Handlers): { readonly handlers: Handlers; readonly firstCall: Promise<void> } {
  let resolve: () => void = () => undefined;
  const firstCall = new Promise<void>((settle) => {
    resolve = settle;
  });
  const watched = Object.fromEntries(
    Object.entries(handlers).map(([name, handler]: [string, (input: never) => Promise<unknown>]) => [
      name,
      (input: never) => {
        resolve();
        return handler(input);
      },
    ]),
  );
  return { handlers: watched as unknown as Handlers, firstCall };
}
