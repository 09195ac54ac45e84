// The first line of a window or a one-off time in the schedule's lists: its name, then
// its days and times. The dots between are for the eye; a screen reader hears commas.
// The days and times carry an id of their own: two windows may share a name, so the
// row's buttons are described by when it runs ("Edit Dinner", then "Weekdays, 6:00 PM…").
import { Fragment } from 'preact';

interface Props {
  /** The name's element id, which names the list item. */
  nameId: string;
  /** The id of the days and times, which describes the row's buttons. */
  detailsId: string;
  name: string;
  /** What follows the name: "Every day", "6:00 PM – 7:30 PM". */
  parts: readonly string[];
}

/** " · " for the eye, ", " for the ear. */
const Separator = () => (
  <>
    <span class="sep" aria-hidden="true">
      {' · '}
    </span>
    <span class="visually-hidden">, </span>
  </>
);

export function WindowLine({ nameId, detailsId, name, parts }: Props) {
  return (
    <p class="window-line">
      <span class="window-name" id={nameId}>
        {name}
      </span>
      {parts.length > 0 && <Separator />}
      <span id={detailsId}>
        {parts.map((part, i) => (
          <Fragment key={i}>
            {i > 0 && <Separator />}
            <span>{part}</span>
          </Fragment>
        ))}
      </span>
    </p>
  );
}
