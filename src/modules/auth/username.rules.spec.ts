import { isUsernameShape, normalizeUsername } from './username.rules.js';

describe('normalizeUsername', () => {
  it.each<[string, string, string | null]>([
    ['plain', 'victim', 'victim'],
    ['zero-width spaces (U+200B)', `victim${'\u200B'.repeat(70)}`, 'victim'],
    ['BOM, word joiner and soft hyphen', '\uFEFFvic\u00ADtim\u2060', 'victim'],
    ['zero-width (non-)joiners', 'vic\u200C\u200Dtim', 'victim'],
    ['full-width letters (NFKC)', 'ｖｉｃｔｉｍ', 'victim'],
    ['surrounding spaces and control characters', ' \u0001victim\t ', 'victim'],
    ['50 characters', 'a'.repeat(50), 'a'.repeat(50)],
    ['51 characters', 'a'.repeat(51), null],
    ['huge input, refused before normalising', 'a'.repeat(100_000), null],
  ])('%s', (_name, raw, expected) => {
    expect(normalizeUsername(raw)).toBe(expected);
  });

  it('should tell names an account can have', () => {
    expect(['victim', 'u-staff', 'a.b_c'].map(isUsernameShape)).toEqual([true, true, true]);
    expect(['vïctim', 'ab', 'a b c'].map(isUsernameShape)).toEqual([false, false, false]);
  });
});
