// Renaming a site in place: Escape leaves the form as Cancel does, and focus goes back
// to the button that opened it.
import { describe, expect, test, vi } from 'vitest';
import type { SiteView } from '../../messages';
import { click, installPage, mount, press, settle } from '../testing/page';
import { allByRole, byRole } from '../testing/roles';
import { SiteRename } from './SiteRename';

const doc = installPage();
const slack: SiteView = { site: { id: 'slack', pattern: 'app.slack.com', mode: 'quiet' }, name: 'Slack', hasAccess: true };

describe('renaming a site', () => {
  test.each(['Escape', 'Cancel'])('%s closes the form unsaved and focus returns to Rename', async (how) => {
    const onRename = vi.fn(async () => {});
    const page = mount(doc, <SiteRename site={slack} onRename={onRename} />);
    click(byRole(page, 'button', 'Rename Slack'));
    await settle();
    const field = byRole(page, 'textbox', 'Name for app.slack.com');
    field.focus();
    if (how === 'Escape') press(field, 'Escape');
    else click(byRole(page, 'button', 'Cancel'));
    await settle();
    expect(allByRole(page, 'textbox')).toEqual([]);
    expect(doc.activeElement).toBe(byRole(page, 'button', 'Rename Slack'));
    expect(onRename).not.toHaveBeenCalled();
  });
});
