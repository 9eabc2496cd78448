import { net } from 'electron';

const CHECK_EVERY_MS = 30_000;

/**
 * Tells the outbox what Chromium's network stack knows of the connection: at start, and again
 * every half minute (main has no online/offline events; the page's events arrive through the
 * contract's setOnline, and the outbox probes a blog when in doubt).
 */
export function followConnectivity(outbox: { setOnline(online: boolean): void }): void {
  let known = net.isOnline();
  outbox.setOnline(known);
  setInterval(() => {
    const online = net.isOnline();
    if (online !== known) outbox.setOnline(online);
    known = online;
  }, CHECK_EVERY_MS).unref();
}
