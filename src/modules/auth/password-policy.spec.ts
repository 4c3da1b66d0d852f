import { passwordProblem, temporaryPassword } from './password-policy.js';

const POLICY = { minLength: 10, minClasses: 3 };

describe('password policy', () => {
  it.each(['Strong-Pass-2026!', 'Zq7#mwL2xv', 'kx8!fjq0pz', 'Huangshan-Trip-88'])(
    'should accept %p',
    (password) => {
      expect(passwordProblem(password, POLICY, 'zhangsan')).toBeNull();
    },
  );

  it.each([
    ['Short1!a', '10 to 200 characters'],
    ['alllowercaseletters', 'at least 3 of'],
    ['ALLUPPER123456', 'at least 3 of'],
    ['Password2026!', 'commonly used'],
    ['P@ssw0rd123', 'commonly used'],
    ['Woaini1314!!', 'commonly used'],
    ['Renda@2026!', 'commonly used'],
    ['Qwertyuiop1!', 'commonly used'],
    ['1Qaz2wsx#$%', 'commonly used'],
    ['zhangSan-2026', 'username'],
  ])('should refuse %p (%s)', (password, reason) => {
    expect(passwordProblem(password, POLICY, 'zhangsan')).toContain(reason);
  });

  it('should follow a configured policy', () => {
    expect(passwordProblem('abcdefgh12', { minLength: 8, minClasses: 2 }, 'u')).toBeNull();
    expect(passwordProblem('Abc-12345-xyz', { minLength: 14, minClasses: 3 })).toContain('14');
    expect(passwordProblem('Abc123456xyz', { minLength: 12, minClasses: 4 })).toContain('4');
  });

  it('should generate temporary passwords that pass the default policy and differ', () => {
    const passwords = Array.from({ length: 50 }, () => temporaryPassword());
    expect(new Set(passwords).size).toBe(50);
    for (const password of passwords) expect(passwordProblem(password, POLICY)).toBeNull();
  });
});
