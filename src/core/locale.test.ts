import { describe, expect, it } from 'vitest';
import { writingLocale } from './locale';

describe('writingLocale', () => {
  it("keeps the browser's region when it speaks the translation's language", () => {
    expect(writingLocale('en-GB', 'en')).toBe('en-GB');
    expect(writingLocale('es-MX', 'es')).toBe('es-MX');
    expect(writingLocale('ES', 'es')).toBe('ES');
  });
  it("writes in the translation's language when the browser's differs, so a sentence keeps to one", () => {
    expect(writingLocale('en-US', 'es')).toBe('es');
    expect(writingLocale('fr-FR', 'en')).toBe('en');
  });
});
