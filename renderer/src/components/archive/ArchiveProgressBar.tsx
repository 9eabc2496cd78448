import type { ArchiveProgress } from '../../../../shared/model/archive';

const phaseLabels: Readonly<Record<ArchiveProgress['phase'], string>> = {
  checking: 'Checking the whole file first',
  importing: 'Importing',
  exporting: 'Exporting',
};

/** How far a job has got, for eyes and screen readers, with the way to stop it. */
export function ArchiveProgressBar({
  progress,
  onCancel,
}: {
  readonly progress: ArchiveProgress | null;
  readonly onCancel: () => void;
}) {
  const total = progress?.total ?? null;
  const share = total === null || total === 0 || progress === null ? null : Math.floor((progress.done / total) * 100);
  const counted =
    progress !== null && progress.phase !== 'checking' && total !== null ? ` — ${progress.done} of ${total}` : '';
  const label = progress === null ? 'Starting' : `${phaseLabels[progress.phase]}${counted}`;
  return (
    <div className="archive-progress">
      <label>
        {label}
        <progress
          max={100}
          {...(share === null ? {} : { value: share })}
          aria-valuetext={share === null ? label : `${label}, ${share}%`}
        />
      </label>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
