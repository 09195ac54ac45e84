// The address a set-aside page was going to, shown plainly so the parent can see it,
// select it or copy it with one button; "Copied" is said in a polite live region.
// Only an address the worker has checked belongs to the site is ever given here.
import { useState } from 'preact/hooks';
import { t } from '../../i18n';

export function AddressCopy({ address }: { address: string }) {
  const [said, setSaid] = useState('');
  const copy = async () => {
    setSaid('');
    try {
      await navigator.clipboard.writeText(address);
      setSaid(t('calmCopied'));
    } catch {
      setSaid(t('calmCopyProblem'));
    }
  };
  return (
    <div class="address" role="group" aria-labelledby="calm-address-label">
      <p id="calm-address-label" class="note">
        {t('calmAddressLabel')}
      </p>
      <code>{address}</code>
      <button type="button" onClick={() => void copy()}>
        {t('calmCopyAddress')}
      </button>
      <p class="note" role="status">
        {said}
      </p>
    </div>
  );
}
