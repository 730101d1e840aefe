import { ValidationPipe } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsString, MaxLength, ValidateNested, validate } from 'class-validator';
import { cacheValidationMetadata } from '../errors/validation-metadata-cache';

class Base {
  @IsString() @MaxLength(5) name: string;
}

class Child extends Base {
  @MaxLength(3) code: string;
}

class Holder {
  @ValidateNested() @Type(() => Child) child: Child;
}

const errorsOf = async (object: object) =>
  (await validate(object)).map((e) => [e.property, Object.keys(e.constraints ?? {})]);

describe('cacheValidationMetadata', () => {
  beforeAll(() => {
    cacheValidationMetadata();
    cacheValidationMetadata(); // idempotent
  });

  it('validates as before, inherited and nested rules included, call after call', async () => {
    const pipe = new ValidationPipe({
      transform: true,
      whitelist: true,
      forbidUnknownValues: true,
    });
    for (let i = 0; i < 3; i++) {
      await expect(
        pipe.transform({ child: { name: 'abc', code: 'ab' } }, { type: 'body', metatype: Holder }),
      ).resolves.toBeInstanceOf(Holder);
      await expect(
        pipe.transform(
          { child: { name: 'abcdef', code: 'abcd' } },
          { type: 'body', metatype: Holder },
        ),
      ).rejects.toThrow();
    }
    expect(await errorsOf(Object.assign(new Child(), { name: 7, code: 'abcd' }))).toEqual([
      ['code', ['maxLength']],
      ['name', ['maxLength', 'isString']],
    ]);
  });

  it('sees rules declared after a class was first validated', async () => {
    class Late {
      @IsString() title: string;
    }
    expect(await errorsOf(Object.assign(new Late(), { title: 1 }))).toEqual([
      ['title', ['isString']],
    ]);
    // A rule added later (as a decorator evaluated after the first validation would).
    MaxLength(2)(Late.prototype, 'title');
    expect(await errorsOf(Object.assign(new Late(), { title: 'abc' }))).toEqual([
      ['title', ['maxLength']],
    ]);
  });
});
