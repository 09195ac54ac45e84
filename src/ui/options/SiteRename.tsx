// Naming a site in the list: "Rename" opens a small form in place, with the name to
// edit. Saving an empty name gives the site back its default (its preset's name, or its
// address). Focus goes into the field on opening and back to "Rename" on closing
// (saved, Cancel, or Escape).
import { useEffect, useRef, useState } from 'preact/hooks';
import { NAME_MAX } from '../../core/limits';
import { t } from '../../i18n';
import type { SiteView } from '../../messages';
import { cancelOnEscape } from '../shared/cancelOnEscape';

interface SiteRenameProps {
  site: SiteView;
  onRename: (site: SiteView, name: string) => Promise<void>;
}

export function SiteRename({ site, onRename }: SiteRenameProps) {
  const { id } = site.site;
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(site.name);
  const field = useRef<HTMLInputElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const opened = useRef(false);

  useEffect(() => {
    if (editing) field.current?.select();
    else if (opened.current) opener.current?.focus();
    opened.current = editing;
  }, [editing]);

  if (!editing) {
    return (
      <button type="button" id={`rename-${id}`} ref={opener} onClick={() => (setName(site.name), setEditing(true))}>
        {t('siteRename', [site.name])}
      </button>
    );
  }
  return (
    <form
      class="site-rename"
      onSubmit={(e) => {
        e.preventDefault();
        void onRename(site, name).then(() => setEditing(false));
      }}
      onKeyDown={cancelOnEscape(() => setEditing(false))}
    >
      <label for={`name-${id}`}>{t('siteNameLabel', [site.site.pattern])}</label>
      <input
        id={`name-${id}`}
        ref={field}
        type="text"
        maxLength={NAME_MAX}
        value={name}
        aria-describedby={`name-hint-${id}`}
        onInput={(e) => setName((e.target as HTMLInputElement).value)}
      />
      <p class="note" id={`name-hint-${id}`}>
        {t('siteNameHint')}
      </p>
      <button type="submit">{t('siteNameSave')}</button>
      <button type="button" onClick={() => setEditing(false)}>
        {t('siteNameCancel')}
      </button>
    </form>
  );
}
