import { checkIdNumber, checkMobile, idCheckCharacter } from '../src/domain/identity';

/** Builds a valid ID number from its first 17 digits. */
const valid = (first17: string) => first17 + idCheckCharacter(first17);

describe('resident ID number (GB 11643)', () => {
  it('computes the check character, including X for remainder 2', () => {
    expect(idCheckCharacter('11010519491231002')).toBe('X');
    expect(idCheckCharacter('44052418800101001')).toBe('4');
  });

  it('accepts an 18-character number with the right check character, upper-casing x', () => {
    expect(checkIdNumber('idNumber', '11010519491231002x')).toBe('11010519491231002X');
    expect(checkIdNumber('idNumber', valid('11010519800101123'), '1980-01-01')).toBe(valid('11010519800101123'));
  });

  it('refuses a wrong check character, naming the field', () => {
    expect(() => checkIdNumber('idNumber', '110105194912310021')).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'idNumber', message: expect.stringContaining('check character') }),
    );
  });

  it('refuses 15-digit, 17-digit and lettered numbers', () => {
    for (const bad of ['110105491231002', '11010519491231002', '1101051949123100AX']) {
      expect(() => checkIdNumber('idNumber', bad)).toThrow(
        expect.objectContaining({ field: 'idNumber', message: expect.stringContaining('18 characters') }),
      );
    }
  });

  it("refuses a number whose birth date is not a real date or not the record's birth date", () => {
    expect(() => checkIdNumber('idNumber', valid('11010519800230123'))).toThrow(
      expect.objectContaining({ message: expect.stringContaining('real birth date') }),
    );
    expect(() => checkIdNumber('idNumber', valid('11010519800101123'), '1980-01-02')).toThrow(
      expect.objectContaining({ message: expect.stringContaining('1980-01-01') }),
    );
  });
});

describe('mainland mobile number', () => {
  it('accepts 11 digits starting 13-19, dropping spaces and hyphens', () => {
    expect(checkMobile('phone', '138 0013 8000')).toBe('13800138000');
    expect(checkMobile('phone', '199-1234-5678')).toBe('19912345678');
  });

  it('refuses landlines, short numbers and numbers starting 12', () => {
    for (const bad of ['010-12345678', '1380013800', '12800138000', '138001380001']) {
      expect(() => checkMobile('phone', bad)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'phone' }));
    }
  });
});
