import { maskEmail, maskPersonal, maskPhone } from './masking.js';

describe('masking', () => {
  it.each([
    ['13812341234', '138****1234'],
    ['138 1234 1234', '138****1234'],
    ['0371-1234567', '037****4567'],
    ['12345', '***45'],
    ['12', '**'],
    ['', ''],
    [null, null],
  ])('should mask phone %p as %p', (input, expected) => {
    expect(maskPhone(input)).toBe(expected);
  });

  it('should mask the local part of an email', () => {
    expect(maskEmail('zhangsan@example.org')).toBe('z***@example.org');
    expect(maskEmail('broken')).toBe('***');
    expect(maskEmail(null)).toBeNull();
  });
});

describe('maskPersonal', () => {
  it('should mask emails as emails and other personal fields as phones', () => {
    expect(maskPersonal('email', 'zhang.san@example.org')).toBe('z***@example.org');
    expect(maskPersonal('phone', '13812341234')).toBe('138****1234');
    expect(maskPersonal('email', null)).toBeNull();
  });
});
