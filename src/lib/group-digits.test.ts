import { describe, expect, it } from 'vitest';
import { groupDigits } from './group-digits.ts';

describe('groupDigits', () => {
  it('groups thousands as en-US does', () => {
    for (const n of [0, 7, 999, 1000, 4000, 32000, 123456, 1234567, -1234, -999]) {
      expect(groupDigits(n), String(n)).toBe(n.toLocaleString('en-US'));
    }
  });

  it('writes whole numbers only', () => {
    expect(groupDigits(1234.9)).toBe('1,234');
  });
});
