// Test code only: finding what the fake page (page.ts) holds as a screen reader does,
// by role and accessible name. Names and descriptions follow the parts of the
// accessible-name rules these pages use: aria-labelledby, aria-label, a <label>, then
// the text inside, leaving out anything aria-hidden.
import { FakeElement, FakeText, type FakeDocument, type FakeNode } from './page';

const hidden = (e: FakeElement) => e.getAttribute('aria-hidden') === 'true';
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

function roleOf(e: FakeElement): string | null {
  const explicit = e.getAttribute('role');
  if (explicit) return explicit;
  if (e.localName === 'button') return 'button';
  if (e.localName === 'li') return 'listitem';
  if (/^h[1-6]$/.test(e.localName)) return 'heading';
  if (e.localName === 'input') return e.getAttribute('type') === 'checkbox' ? 'checkbox' : 'textbox';
  return null;
}

/** The text a node gives a name or a description, without what is hidden from screen readers. */
function textOf(node: FakeNode, leaveOut?: FakeNode): string {
  if (node === leaveOut) return '';
  if (node instanceof FakeText) return node.data;
  if (node instanceof FakeElement && hidden(node)) return '';
  return node.childNodes.map((c) => textOf(c, leaveOut)).join('');
}

const byIds = (doc: FakeDocument, ids: string | null) =>
  squash((ids ?? '').split(/\s+/).flatMap((id) => (id ? [doc.getElementById(id)] : [])).map((e) => (e ? textOf(e) : '')).join(' '));

export function accessibleName(e: FakeElement): string {
  const doc = e.ownerDocument!;
  if (e.getAttribute('aria-labelledby')) return byIds(doc, e.getAttribute('aria-labelledby'));
  const label = e.getAttribute('aria-label');
  if (label) return squash(label);
  if (e.localName === 'input') {
    const wrapping = [...ancestors(e)].find((a) => a.localName === 'label');
    const pointing = doc.documentElement.all().find((l) => l.localName === 'label' && e.id && l.getAttribute('for') === e.id);
    const found = pointing ?? wrapping;
    return found ? squash(textOf(found, e)) : '';
  }
  return squash(textOf(e));
}

export function accessibleDescription(e: FakeElement): string {
  return byIds(e.ownerDocument!, e.getAttribute('aria-describedby'));
}

function* ancestors(e: FakeNode): Generator<FakeElement> {
  for (let node = e.parentNode; node; node = node.parentNode) if (node instanceof FakeElement) yield node;
}

/** Every element of `role` under `root`, with the name given (all of them without one). */
export function allByRole(root: FakeElement, role: string, name?: string | RegExp): FakeElement[] {
  return root.all().filter((e) => {
    if (roleOf(e) !== role || [e, ...ancestors(e)].some(hidden)) return false;
    if (name === undefined) return true;
    const actual = accessibleName(e);
    return typeof name === 'string' ? actual === name : name.test(actual);
  });
}

/** The one element of `role` and `name` under `root`; throws, listing what is there, when there is not exactly one. */
export function byRole(root: FakeElement, role: string, name?: string | RegExp): FakeElement {
  const found = allByRole(root, role, name);
  if (found.length === 1) return found[0]!;
  const there = allByRole(root, role).map((e) => `"${accessibleName(e)}"`);
  throw new Error(`${found.length} ${role}s named ${String(name)}; there are: ${there.join(', ') || 'none'}`);
}
