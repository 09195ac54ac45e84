// The ids that tie a form field to its error sentence and notes.
import { describe, expect, test } from 'vitest';
import { describedBy, errorAria } from './formFields';

describe('describedBy', () => {
  test('joins the ids given, leaving out the missing ones', () => {
    expect(describedBy('a-error', false, undefined, 'a-note')).toBe('a-error a-note');
    expect(describedBy(false, '', undefined)).toBeUndefined();
  });
});

describe('errorAria', () => {
  test('a field that reads well is neither invalid nor described by an error', () => {
    expect(errorAria(undefined, 'end-error')).toEqual({ 'aria-invalid': undefined, 'aria-describedby': undefined });
    expect(errorAria(undefined, 'end-error', 'end-note')).toEqual({ 'aria-invalid': undefined, 'aria-describedby': 'end-note' });
  });

  test('a field with an error is invalid and described by its sentence first, then its note', () => {
    expect(errorAria('Add an end time.', 'end-error', 'end-note')).toEqual({
      'aria-invalid': 'true',
      'aria-describedby': 'end-error end-note',
    });
  });
});
