// A section's live region: the sentence said after a change. Every announcement is a
// new one, even in the words of the last (deleting a second "Dinner"): the sentence is
// drawn afresh, so a screen reader says it again, and the section renders again, so a
// focus move waiting in useFocusNext happens instead of focus dropping to the page.
import { useCallback, useState } from 'preact/hooks';

export interface Announcement {
  text: string;
  /** Counts the announcements, so the same words twice are two sentences. */
  count: number;
}

/** The sentence to say now, and `announce`, which says a new one. */
export function useAnnouncement() {
  const [said, setSaid] = useState<Announcement>({ text: '', count: 0 });
  const announce = useCallback((text: string) => setSaid((last) => ({ text, count: last.count + 1 })), []);
  return [said, announce] as const;
}

/** The region itself; a fresh element each time, since an unchanged text node is not read again. */
export function LiveRegion({ said, class: className = 'note' }: { said: Announcement; class?: string }) {
  return (
    <p class={className} role="status">
      {said.text && <span key={said.count}>{said.text}</span>}
    </p>
  );
}
