import { expect, test } from 'vitest';
import { addressOfCalmFragment, calmFragment } from './calmAddress';

test('an address comes back from the calm page fragment exactly, query and hash included', () => {
  for (const address of ['https://app.slack.com/client', 'https://x.test/a?q=`b` c&d=%20#frag#more', 'https://x.test/ü?ä=ö']) {
    expect(addressOfCalmFragment(calmFragment(address))).toBe(address);
  }
});

test('a fragment Hearth did not write reads as no address, never a throw', () => {
  expect(addressOfCalmFragment('%E0%A4%A')).toBe('');
});
