// A settings list the page loads from the worker, under its heading: the items, a line
// when there are none, or why they are not there (still loading, or could not load).
// The heading takes focus when the item that had it goes (tabIndex -1).
import type { ComponentChildren } from 'preact';
import { t } from '../../i18n';

/** The list's words: its heading, the line when empty, the line when it could not load. */
export interface ListWords {
  title: string;
  empty: string;
  loadProblem: string;
}

interface Props<T> {
  titleId: string;
  listClass: string;
  words: ListWords;
  /** Undefined until loaded. */
  items: readonly T[] | undefined;
  loadProblem: boolean;
  /** One item of the list, with its key. */
  children: (item: T) => ComponentChildren;
}

export function LoadedList<T>({ titleId, listClass, words, items, loadProblem, children }: Props<T>) {
  return (
    <>
      <h3 id={titleId} tabIndex={-1}>
        {words.title}
      </h3>
      {items ? (
        items.length > 0 ? (
          <ul class={listClass} aria-labelledby={titleId}>
            {items.map((item) => children(item))}
          </ul>
        ) : (
          <p class="empty">{words.empty}</p>
        )
      ) : loadProblem ? (
        <p role="alert">{words.loadProblem}</p>
      ) : (
        <p aria-busy="true">{t('loading')}</p>
      )}
    </>
  );
}
