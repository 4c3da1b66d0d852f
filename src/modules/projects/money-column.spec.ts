import { DomainError } from '../../common/errors.js';
import { amountToStore, DECIMAL_TEXT } from './money-column.js';

describe('amountToStore', () => {
  it.each([
    [1200.5, '1200.50'],
    ['0', '0.00'],
  ])('should store %s as %s', (value, expected) => {
    expect(amountToStore(value, 'plannedInvestment')).toBe(expected);
  });

  it.each([[null], [undefined], [''], ['abc'], [{}]])(
    'should refuse %p with a 400 naming the field',
    (value) => {
      let refusal: unknown;
      try {
        amountToStore(value, 'plannedInvestment');
      } catch (error) {
        refusal = error;
      }
      expect(refusal).toBeInstanceOf(DomainError);
      expect((refusal as DomainError).details).toEqual([
        { field: 'plannedInvestment', problem: expect.stringMatching(/^必填/) as string },
      ]);
    },
  );
});

describe('DECIMAL_TEXT', () => {
  it('should read MariaDB text and SQLite numbers alike', () => {
    expect(DECIMAL_TEXT.from('1200.50')).toBe('1200.50');
    expect(DECIMAL_TEXT.from(1200.5)).toBe('1200.50');
    expect(DECIMAL_TEXT.from(null)).toBeNull();
  });
});
