import { maskAddress, maskEmail, maskName, maskPersonal, maskPhone } from './masking.js';

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

describe('names and addresses', () => {
  it.each([
    ['李大明', '李**'],
    ['王五', '王*'],
    ['欧', '欧*'],
    ['', ''],
    [null, null],
  ])('should mask name %p as %p', (input, expected) => {
    expect(maskName(input)).toBe(expected);
  });

  it.each([
    ['杭州市西湖区幸福路 88 号 2 单元 301', '杭州市西湖区****'],
    ['幸福路 8 号', '幸福路 ****'],
    ['', ''],
    [null, null],
  ])('should mask address %p as %p', (input, expected) => {
    expect(maskAddress(input)).toBe(expected);
  });

  it('should pick the mask by the field name', () => {
    expect(maskPersonal('voterName', '李大明')).toBe('李**');
    expect(maskPersonal('voterAddress', '杭州市西湖区幸福路 88 号')).toBe('杭州市西湖区****');
    expect(maskPersonal('voterPhone', '13812341234')).toBe('138****1234');
  });
});
