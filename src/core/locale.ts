// Which locale times, dates and numbers are written in. Pure.

/**
 * `ui` (the browser's locale, with its region's clock style: "18:00" in en-GB) when it is a
 * form of `words`' language (the translation in use), else `words`: a sentence keeps to
 * one language ("Cena a las 18:00", never "Cena a las 6:00 PM").
 */
export const writingLocale = (ui: string, words: string): string =>
  ui.split('-')[0]!.toLowerCase() === words.split('-')[0]!.toLowerCase() ? ui : words;
