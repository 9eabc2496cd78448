import { Notification } from 'electron';
import type { OutboxEntry } from '../../shared/model/outbox';
import { outboxNotices } from '../core/shell/outboxNotices';
import type { Services } from '../core/services';

/** Native notifications when queued posts went out or one needs the writer, as the outbox announces its entries. */
export function notifyOutboxChanges(services: Services): void {
  if (!Notification.isSupported()) return;
  let known: readonly OutboxEntry[] = services.outbox.list();
  services.events.subscribe((event) => {
    if (event.type !== 'outbox-entry-changed') return;
    const now = services.outbox.list();
    for (const notice of outboxNotices(known, now)) new Notification(notice).show();
    known = now;
  });
}
