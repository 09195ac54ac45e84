import { t } from '../../i18n';

/** The worker's reasons a save didn't happen, one per line; focusable so focus can move to it. */
export function SaveProblems({ id, problems }: { id: string; problems: string[] }) {
  if (problems.length === 0) return null;
  return (
    <div id={id} class="save-problems" role="alert" tabIndex={-1}>
      <p>{t('scheduleSaveProblems')}</p>
      <ul>
        {problems.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
    </div>
  );
}
