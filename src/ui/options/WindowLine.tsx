// The first line of a window or a one-off time in the schedule's lists: its name, then
// its days and times. The dots between are for the eye; a screen reader hears commas.
import { Fragment } from 'preact';

interface Props {
  /** The name's element id, which names the list item. */
  nameId: string;
  name: string;
  /** What follows the name: "Every day", "6:00 PM – 7:30 PM". */
  parts: readonly string[];
}

export function WindowLine({ nameId, name, parts }: Props) {
  return (
    <p class="window-line">
      <span class="window-name" id={nameId}>
        {name}
      </span>
      {parts.map((part, i) => (
        <Fragment key={i}>
          <span class="sep" aria-hidden="true">
            {' · '}
          </span>
          <span class="visually-hidden">, </span>
          <span>{part}</span>
        </Fragment>
      ))}
    </p>
  );
}
