// Where focus goes after a render: a plain id always; a move with `ifLost` only when
// focus went away with the element named there (or is nowhere), never pulled from
// where the parent has since put it.
import { describe, expect, test } from 'vitest';
import { focusTargets } from './focusNext';

const body = { id: '', isConnected: true };
const element = (id: string, isConnected = true) => ({ id, isConnected });

describe('focusTargets', () => {
  test('an id is focused whatever has focus now', () => {
    expect(focusTargets('delete-history', element('elsewhere'), body)).toEqual(['delete-history']);
    expect(focusTargets('delete-history', null, body)).toEqual(['delete-history']);
  });

  test('a move tries its target, then its fallback', () => {
    expect(focusTargets({ to: 'edit-dinner', fallback: 'list-title' }, element('elsewhere'), body)).toEqual([
      'edit-dinner',
      'list-title',
    ]);
    expect(focusTargets({ to: 'pause-dinner' }, element('elsewhere'), body)).toEqual(['pause-dinner']);
  });

  test('with ifLost, focus moves when it went away with that element or is nowhere', () => {
    const move = { to: 'edit-bedtime', fallback: 'list-title', ifLost: 'delete-dinner' };
    expect(focusTargets(move, element('delete-dinner'), body)).toEqual(['edit-bedtime', 'list-title']);
    expect(focusTargets(move, body, body)).toEqual(['edit-bedtime', 'list-title']);
    expect(focusTargets(move, null, body)).toEqual(['edit-bedtime', 'list-title']);
    expect(focusTargets(move, element('somewhere', false), body)).toEqual(['edit-bedtime', 'list-title']);
  });

  test('with ifLost, focus the parent put somewhere else stays there', () => {
    expect(focusTargets({ to: 'edit-bedtime', ifLost: 'delete-dinner' }, element('site-address'), body)).toEqual([]);
  });
});
