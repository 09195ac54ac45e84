// The settings page's form for adding a work site by address, with the mode to quiet it
// in. What it holds and what adding does are SitesSection's: this is the form alone.
import type { SiteMode } from '../../core/settings';
import { t } from '../../i18n';
import { ModeOptions, asMode } from './SiteItem';

export const ADDRESS_ID = 'site-address';
export const ADD_BUTTON_ID = 'site-add-button';
const ADDRESS_ERROR_ID = 'site-address-error';

interface AddSiteFormProps {
  address: string;
  mode: SiteMode;
  /** What to change about the address, or '' when nothing is wrong. */
  error: string;
  /** Counts answers with an error, so the same sentence given twice is announced twice. */
  errorCount: number;
  onAddress: (address: string) => void;
  onMode: (mode: SiteMode) => void;
  onSubmit: (event: Event) => void;
}

export function AddSiteForm({ address, mode, error, errorCount, onAddress, onMode, onSubmit }: AddSiteFormProps) {
  return (
    <form class="add-site" onSubmit={onSubmit} noValidate>
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
          placeholder={t('sitesAddressPlaceholder')}
          value={address}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? ADDRESS_ERROR_ID : undefined}
          onInput={(e) => onAddress((e.target as HTMLInputElement).value)}
        />
        {error && (
          <p key={errorCount} id={ADDRESS_ERROR_ID} class="field-error" role="alert">
            {error}
          </p>
        )}
      </div>
      <div class="field">
        <label class="mode-label" for="site-mode">
          {t('sitesModeLabel')}
        </label>
        <select
          id="site-mode"
          value={mode}
          onChange={(e) => onMode(asMode((e.target as HTMLSelectElement).value) ?? 'quiet')}
        >
          <ModeOptions />
        </select>
      </div>
      <button type="submit" id={ADD_BUTTON_ID} class="primary">
        {t('sitesAddButton')}
      </button>
    </form>
  );
}
