import { type PipeTransform, Injectable } from '@nestjs/common';
import { invalidInput } from './errors.js';

/** Path ids are positive integers; anything else is a 400 naming the parameter. */
@Injectable()
export class IdPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    const id = Number(value);
    if (!/^\d{1,10}$/.test(value) || !Number.isSafeInteger(id) || id < 1) {
      throw invalidInput([{ field: 'id', problem: '必须是正整数 / must be a positive integer' }]);
    }
    return id;
  }
}
