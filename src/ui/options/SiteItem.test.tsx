// Each work site's controls say which site they are for: a screen reader moving
// through the list hears "Tuck away Slack tabs…", not the same words for every site.
import { describe, expect, test } from 'vitest';
import type { SiteView } from '../../messages';
import { installPage, mount } from '../testing/page';
import { allByRole, byRole } from '../testing/roles';
import { SiteItem } from './SiteItem';

const doc = installPage();
const site = (id: string, name: string, tuck = false): SiteView => ({
  site: { id, pattern: `${id}.example.com`, mode: 'quiet', tuck },
  name,
  hasAccess: true,
});
const nothing = () => {};
const list = (...sites: SiteView[]) =>
  mount(
    doc,
    <ul>
      {sites.map((s) => (
        <SiteItem key={s.site.id} site={s} onMode={nothing} onRemove={nothing} onAccess={nothing} onRename={async () => {}} onTuck={nothing} />
      ))}
    </ul>,
  );

describe('the tuck-away checkbox', () => {
  test('is named for its site', () => {
    const page = list(site('slack', 'Slack'), site('teams', 'Teams', true));
    expect(allByRole(page, 'checkbox').map((c) => c.getAttribute('id'))).toEqual(['tuck-slack', 'tuck-teams']);
    expect(byRole(page, 'checkbox', 'Tuck away Slack tabs during family time').checked).toBe(false);
    expect(byRole(page, 'checkbox', 'Tuck away Teams tabs during family time').checked).toBe(true);
  });
});
