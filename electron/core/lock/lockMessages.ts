import { AppError } from '../../../shared/result';
import type { LockProgram, LockRecord, LockRefusal } from './lockRecord';

/** What the writer reads when the library is held: who holds it, and what to do. One line. */
export function lockRefusalMessage(refusal: LockRefusal, opener: LockProgram, now: Date): string {
  if (refusal.kind === 'unreadable') {
    return (
      `The library's lock file ${refusal.file} cannot be read, so it is not known who holds the library. ` +
      `If Commonplace is not running on this library on any computer, delete that file.`
    );
  }
  const { holder } = refusal;
  const who = `(${holderLabel(holder.program)}${refusal.elsewhere ? ` on ${holder.hostname}` : ''}, pid ${holder.pid}, since ${sinceText(holder.since, now)})`;
  if (refusal.elsewhere) {
    return (
      `Commonplace is open on this library on another computer ${who}. Quit it there first; ` +
      `if it is not running there any more, delete ${refusal.file}.`
    );
  }
  if (holder.program.kind === 'cli') {
    const then = opener.kind === 'cli' ? 'try again' : 'start Commonplace again';
    return `A command is changing this library ${who}. Wait for it to finish, then ${then}.`;
  }
  if (opener.kind === 'cli') return `Commonplace is open on this library ${who}. Quit it, or do this in the app.`;
  return `Commonplace is already open on this library ${who}. Use it there, or quit it first.`;
}

function holderLabel(program: LockRecord['program']): string {
  switch (program.kind) {
    case 'app':
      return 'desktop app';
    case 'dev-host':
      return 'dev host';
    case 'cli':
      return `commonplace ${program.command}`;
  }
}

/** "10:02" today, "2025-03-01 10:02" on another day: local time, as the writer's clock shows it. */
function sinceText(since: string, now: Date): string {
  const at = new Date(since);
  const time = `${pad(at.getHours())}:${pad(at.getMinutes())}`;
  const sameDay =
    at.getFullYear() === now.getFullYear() && at.getMonth() === now.getMonth() && at.getDate() === now.getDate();
  return sameDay ? time : `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${time}`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** Opening the library for writing was refused: the message names the holder, for hosts to show as it is. */
export class LibraryLockedError extends AppError {
  readonly refusal: LockRefusal;

  constructor(refusal: LockRefusal, opener: LockProgram, now: Date) {
    super('unavailable', lockRefusalMessage(refusal, opener, now));
    this.name = 'LibraryLockedError';
    this.refusal = refusal;
  }
}
