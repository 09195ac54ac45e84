// A small card of counts (thoughts parked, notifications held back, favourite
// prompts): a title, one or two figures with what they count, and a line on what they mean.
import { formatNumber } from './format';

export interface Count {
  /** What is counted: "This week". */
  label: string;
  value: number;
}

interface Props {
  /** The heading's id, which names the card. */
  titleId: string;
  title: string;
  counts: readonly Count[];
  note: string;
}

export function CountCard({ titleId, title, counts, note }: Props) {
  return (
    <section aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      <dl class="counts">
        {counts.map((c) => (
          <div key={c.label}>
            <dt>{c.label}</dt>
            <dd>{formatNumber(c.value)}</dd>
          </div>
        ))}
      </dl>
      <p class="note">{note}</p>
    </section>
  );
}
