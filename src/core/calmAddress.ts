// The work address a set-aside page was going to travels in the calm page's own URL,
// after `#`. It is written there as one encoded component, so the browser's escaping of
// a fragment (spaces, quotes, backticks…) never changes it: going back, the parent lands
// on exactly that address, query and hash included.

/** The calm page's fragment (without `#`) for `address`. */
export function calmFragment(address: string): string {
  return encodeURIComponent(address);
}

/** The address back from a calm page's fragment (without `#`); '' when it is not one Hearth wrote. */
export function addressOfCalmFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return '';
  }
}
