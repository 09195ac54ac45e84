// The one-off times still to come, soonest first, each with its date and times in
// words and its own delete button (described by that date and those times, as two
// may share a name); a gentle line when there are none.
import type { OneOffBlock } from '../../core/types';
import { formatDateKey } from '../../core/wallclock';
import { t } from '../../i18n';
import { dateText, spanText } from './scheduleText';
import { WindowLine } from './WindowLine';

interface Props {
  /** Still to come, in the order shown. */
  blocks: readonly OneOffBlock[];
  /** The heading that names the list. */
  titleId: string;
  /** `neighbour`: the block focus moves on to once this one is gone. */
  onDelete: (b: OneOffBlock, neighbour: OneOffBlock | undefined) => void;
}

export function BlockList({ blocks, titleId, onDelete }: Props) {
  if (blocks.length === 0) return <p class="empty">{t('scheduleBlocksEmpty')}</p>;
  return (
    <ul class="block-list" aria-labelledby={titleId}>
      {blocks.map((b, i) => (
        <li key={b.id} class="block-item" aria-labelledby={`block-name-${b.id}`}>
          <WindowLine
            nameId={`block-name-${b.id}`}
            detailsId={`block-when-${b.id}`}
            name={b.label}
            parts={[dateText(formatDateKey(b.start)), spanText(b.start, b.end)]}
          />
          <div class="window-controls">
            <button
              type="button"
              id={`delete-block-${b.id}`}
              aria-label={t('scheduleDeleteBlock', [b.label])}
              // Two one-off times can share a name: the button says which by its date and times.
              aria-describedby={`block-when-${b.id}`}
              onClick={() => onDelete(b, blocks[i + 1] ?? blocks[i - 1])}
            >
              {t('scheduleDelete', [b.label])}
            </button>
          </div>
        </li>
      ))}
    </ul>
  );
}
