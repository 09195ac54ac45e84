import { describe, expect, test } from 'vitest';
import { coveredBy } from './matchPattern';

describe('coveredBy', () => {
  test.each([
    ['https://app.slack.com/client/T1', '*://app.slack.com/*', true],
    ['https://app.slack.com/client/T1', '*://*.slack.com/*', true],
    ['https://slack.com/', '*://*.slack.com/*', true],
    ['http://app.slack.com/', 'https://*.slack.com/*', false],
    ['https://notslack.com/', '*://*.slack.com/*', false],
    ['https://slack.com.evil.io/', '*://*.slack.com/*', false],
    ['https://app.slack.com/', '*://slack.com/*', false],
    ['https://mail.google.com/mail/u/0/', '<all_urls>', true],
    ['https://mail.google.com/mail/u/0/', '*://*/*', true],
    ['http://127.0.0.1:8080/chat', '*://127.0.0.1/*', true],
    ['http://127.0.0.1:8080/chat', '*://127.0.0.1:*/*', true],
    ['https://APP.Slack.com./', '*://app.slack.com/*', true],
    ['file:///home/me/notes.html', '<all_urls>', false],
    ['not a url', '*://*/*', false],
    ['https://app.slack.com/', 'not a pattern', false],
  ])('%s under %s: %s', (url, pattern, expected) => {
    expect(coveredBy(url, pattern)).toBe(expected);
  });
});
