import { describe, expect, it } from 'vitest';
import { parsePhone, phoneE164, phoneProblem } from './phones.js';

describe('parsePhone', () => {
  it('reads a number once per shape and keeps what the app needs of it', () => {
    expect(parsePhone('+86 132 2494 2644')).toEqual({ number: '+8613224942644', nationalNumber: '13224942644', type: 'MOBILE' });
    expect(parsePhone('010-8888 6666')).toMatchObject({ number: '+861088886666', nationalNumber: '1088886666', type: 'FIXED_LINE' });
    expect(parsePhone('021-12345678-123')).toMatchObject({ number: '+862112345678', ext: '123' });
    // A mobile has no extension: 138-1234-5678 is not 138-1234 ext. 5678.
    expect(parsePhone('138-1234')).toBeUndefined();
    expect(parsePhone('1381234')).toBeUndefined();
    expect(parsePhone('23800138000')).toBeUndefined();
  });

  it('answers the same after its memory of recent numbers turned over', () => {
    const first = parsePhone('0086 13800138000');
    // More distinct numbers than both generations hold.
    for (let i = 0; i < 45_000; i++) parsePhone(`139${String(i).padStart(8, '0')}`);
    expect(parsePhone('0086 13800138000')).toEqual(first);
    expect(phoneE164('8613800138000')).toBe('+8613800138000');
    expect(parsePhone('not a phone')).toBeUndefined();
    expect(parsePhone('not a phone')).toBeUndefined();
  });

  it('tells a landline in a mobile field and a China mobile of the wrong shape', () => {
    expect(phoneProblem('010-8888 6666', 'mobile')).toBe('phoneNotMobile');
    expect(phoneProblem('010-8888 6666', 'phone')).toBeNull();
    expect(phoneProblem('1381234', 'mobile')).toBe('phoneMobileCn');
    expect(phoneProblem('13800138000', 'mobile')).toBeNull();
    expect(phoneProblem('138a0013800', 'mobile')).toBe('phoneCharacters');
  });
});
