import { CreateActivityDto } from '../modules/activities/dto/activity.dto.js';
import { DomainError } from './errors.js';
import { controlCharacterProblems, isPhoneNumber, validateInput } from './validation.js';

describe('controlCharacterProblems', () => {
  it.each([
    ['\u0000', true],
    ['a\u0001b', true],
    ['\u0008', true],
    ['\u000B', true],
    ['\u001F', true],
    ['\u007F', true],
    ['\u0085', true],
    ['\u009F', true],
    ['一、\t议程\r\n二、讨论\n', false],
    ['张𠮷 ©\u00A0', false],
  ])('should judge %j as control: %s', (text, refused) => {
    expect(controlCharacterProblems({ summary: text }).length > 0).toBe(refused);
  });

  it('should name the field, nested ones by path', () => {
    expect(
      controlCharacterProblems({ title: 'ok', items: [{ note: 'ok' }, { note: 'x\u0007' }] }),
    ).toEqual([{ field: 'items.1.note', problem: expect.stringContaining('控制字符') }]);
  });

  it('should refuse them in the admin panel’s validation too', async () => {
    const refused = validateInput(CreateActivityDto, { title: 'a\u0000' }, { allowUnknown: true });
    await expect(refused).rejects.toBeInstanceOf(DomainError);
    await expect(refused).rejects.toMatchObject({
      details: [expect.objectContaining({ field: 'title' })],
    });
  });
});

describe('isPhoneNumber', () => {
  it.each([
    ['13812345678', true],
    ['+8613812345678', true],
    ['86 138 1234 5678', true],
    ['+86-13812345678', true],
    ['010-12345678', true],
    ['0571-8765432', true],
    ['075512345678', true],
    ['010-12345678-123', true],
    ['12345', false],
    ['12812345678', false],
    ['1381234567', false],
    ['138123456789', false],
    ['010-1234', false],
    ['10-12345678', false],
    ['phone', false],
    ['', false],
  ])('should judge %s as %s', (value, expected) => {
    expect(isPhoneNumber(value)).toBe(expected);
  });
});
