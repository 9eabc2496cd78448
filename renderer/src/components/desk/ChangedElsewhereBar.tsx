/**
 * The draft was saved elsewhere (another window, a command) after the version the writer's edits
 * here were made over: those edits are not saved, and the writer chooses which version goes on.
 * Neither is lost: the one not chosen stays in the draft's history.
 */
export function ChangedElsewhereBar({
  busy,
  problem,
  onKeepMine,
  onTakeTheirs,
}: {
  busy: boolean;
  problem: string | null;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  return (
    <div className="changed-elsewhere" role="alert" aria-label="Changed elsewhere">
      <p>
        This draft was changed elsewhere (in another window, or by a command) while you were writing here: your edits
        here are not saved yet. Whichever version you keep, the other stays in History.
      </p>
      {problem && <p className="problem">{problem}</p>}
      <div className="changed-elsewhere-actions">
        <button type="button" onClick={onKeepMine} disabled={busy}>
          Keep my version
        </button>
        <button type="button" onClick={onTakeTheirs} disabled={busy}>
          Use the other version
        </button>
      </div>
    </div>
  );
}
