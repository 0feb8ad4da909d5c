import { ValidationError } from './errors';
import { msg } from './messages';
import * as check from './validation';

/*
 * A person's identity as the records hold it (GB 11643 resident ID numbers, mainland mobile numbers):
 * the members service's rules, also read by other services' imports that name members by ID number.
 */

/** GB 11643-1999 weights of the first 17 digits of a resident ID number, and the check characters by remainder. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

/** The check character (0-9 or X) that ends a resident ID number starting with these 17 digits. */
export function idCheckCharacter(first17: string): string {
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * WEIGHTS[i], 0);
  return CHECK_CHARACTERS[sum % 11];
}

/** The birth date (YYYY-MM-DD) written in digits 7-14 of a resident ID number. */
export function birthDateInIdNumber(idNumber: string): string {
  return `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
}

/**
 * An 18-character resident ID number (居民身份证号码) with a right check character, a real birth date
 * and, when given, the same birth date as the record; or a refusal naming the field.
 */
export function checkIdNumber(field: string, value: string, birthDate?: string): string {
  const id = value.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) throw new ValidationError(field, msg('member.idNumberFormat', { field }));
  if (idCheckCharacter(id.slice(0, 17)) !== id[17]) throw new ValidationError(field, msg('member.idNumberCheckCharacter', { field }));
  const born = birthDateInIdNumber(id);
  try {
    check.isoDate(field, born);
  } catch {
    throw new ValidationError(field, msg('member.idNumberBirthDate', { field }));
  }
  if (birthDate && born !== birthDate)
    throw new ValidationError(field, msg('member.birthDateMismatchesIdNumber', { field, fromIdNumber: born, birthDate }));
  return id;
}

/** A mainland mobile number (11 digits, 13x-19x); spaces and hyphens are dropped. */
export function checkMobile(field: string, value: string): string {
  const digits = value.replace(/[\s-]/g, '');
  if (!/^1[3-9]\d{9}$/.test(digits)) throw new ValidationError(field, msg('member.phone', { field }));
  return digits;
}
