// Adding a work site by its typed address: one form for the settings page and the
// welcome, so the rule is written once.
//
// Host access is asked for in the very click (or Enter) that adds the site: browsers
// show the permission prompt only during the parent's gesture, so the request is the
// first thing the handler does, before any await. The add itself is sent right after,
// without waiting for the answer: the prompt may stay open as long as the parent likes
// (in a headless browser nobody can answer it at all), and a site without access is
// still worth listing, since Hearth can hold back its notifications anyway.
//
// The worker reads the address (the same normalisation as an imported file's); an
// address it can't use keeps its text, and the worker's sentence is shown under the field.
// An address in its own script is listed in the form the browser matches ("xn--…") and
// named, here, as it was typed.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { InTurn } from '../../core/serial';
import type { SiteMode } from '../../core/settings/schema';
import { parseSitePattern, typedName } from '../../core/sites';
import { t } from '../../i18n';
import type { SitesView, SiteView } from '../../messages';
import { ask } from './client';
import { requestAccess } from './workerView';

export const ADDRESS_ID = 'site-address';
const ADDRESS_ERROR_ID = 'site-address-error';
const ADDRESS_NOTE_ID = 'site-address-note';
const ADD_BUTTON_ID = 'site-add-button';

export interface SiteAdded {
  view: SitesView;
  /** The site's name as the worker gives it (from an open tab's title, for a typed address). */
  name: string;
  /** The site as it was listed before, when the address was on the list already. */
  before: SiteView | undefined;
  /** The mode asked for (the settings page's choice may have changed since). */
  mode: SiteMode;
  /** Said after the rest when the address was typed with a port: the whole host is listed. */
  note: string;
}

interface AddSiteFormProps {
  /** The list as the page shows it, to tell an address already on it. */
  sites: readonly SiteView[] | undefined;
  inTurn: InTurn;
  /** How a new site is quieted: the settings page's choice; Quiet elsewhere. */
  mode?: SiteMode;
  placeholder: string;
  /** Fields between the address and the button (the settings page's choice of mode). */
  children?: ComponentChildren;
  onAdded: (added: SiteAdded) => void;
  /** Told in the gesture that asked for access to `pattern`; `access` resolves with the parent's answer. */
  onAsked: (access: Promise<boolean>, pattern: string) => void;
  /** The add did not reach the worker. */
  onProblem: (error: unknown) => void;
  /** The address was refused (its sentence shows under the field): what the page said last no longer holds. */
  onRefused?: () => void;
}

export function AddSiteForm({ sites, inTurn, mode = 'quiet', placeholder, children, onAdded, onAsked, onProblem, onRefused }: AddSiteFormProps) {
  const [address, setAddress] = useState('');
  const [error, setError] = useState('');
  /** Counts answers with an error, so the same sentence given twice is announced twice. */
  const [errorCount, setErrorCount] = useState(0);
  /** Shown under the field after an address typed with a port is added (and announced by the page). */
  const [note, setNote] = useState('');

  const add = (event: Event) => {
    event.preventDefault();
    const typed = address;
    const chosen = mode;
    const parsed = parseSitePattern(typed);
    // First, inside the gesture. An address that doesn't parse asks for nothing; the
    // worker's answer below says what to change.
    const access = parsed.ok ? requestAccess(parsed.pattern) : null;
    const before = parsed.ok ? sites?.find((s) => s.site.pattern === parsed.pattern) : undefined;
    void inTurn(async () => {
      const added = await ask({ type: 'addSite', pattern: typed, mode: chosen });
      // A new address in its own script is named as typed ("bücher.de"), unless an open tab named it.
      const pattern = parsed.ok && !before ? parsed.pattern : null;
      const site = added.ok && pattern ? added.sites.find((s) => s.site.pattern === pattern) : undefined;
      const named = site && site.name === pattern ? typedName(typed, pattern) : null;
      return site && named ? { ok: true as const, ...(await ask({ type: 'renameSite', id: site.site.id, name: named })) } : added;
    })
      .then((result) => {
        if (!result.ok) {
          setError(result.error);
          setErrorCount((n) => n + 1);
          onRefused?.();
          // Back to the field to change it (from the button; typing with Enter stays put).
          if (document.activeElement?.id === ADD_BUTTON_ID) document.getElementById(ADDRESS_ID)?.focus();
          return;
        }
        setError('');
        setAddress((current) => (current === typed ? '' : current));
        const pattern = parsed.ok ? parsed.pattern : typed.trim();
        const name = result.sites.find((s) => s.site.pattern === pattern)?.name ?? pattern;
        const said = parsed.ok && parsed.port ? t('sitesPortNote', [pattern, parsed.port]) : '';
        setNote(said);
        onAdded({ view: result, name, before, mode: chosen, note: said });
      })
      .catch(onProblem);
    if (access && parsed.ok) onAsked(access, parsed.pattern);
  };

  return (
    <form class={children ? 'add-site' : 'add-site address-only'} onSubmit={add} noValidate>
      <div class="field">
        <label class="address-label" for={ADDRESS_ID}>
          {t('sitesAddressLabel')}
        </label>
        <input
          id={ADDRESS_ID}
          type="text"
          inputMode="url"
          autoComplete="off"
          autoCapitalize="none"
          spellcheck={false}
          placeholder={placeholder}
          value={address}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? ADDRESS_ERROR_ID : note ? ADDRESS_NOTE_ID : undefined}
          onInput={(e) => {
            setAddress((e.target as HTMLInputElement).value);
            setError('');
            setNote('');
          }}
        />
        {note && !error && (
          <p id={ADDRESS_NOTE_ID} class="field-note">
            {note}
          </p>
        )}
        {error && (
          <p key={errorCount} id={ADDRESS_ERROR_ID} class="field-error" role="alert">
            {error}
          </p>
        )}
      </div>
      {children}
      <button type="submit" id={ADD_BUTTON_ID} class="primary">
        {t('sitesAddButton')}
      </button>
    </form>
  );
}
