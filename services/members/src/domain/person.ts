import { check, msg, ValidationError } from '@cpb/kit';
import type { MemberCategory } from '../entities';
import { checkIdNumber, checkMobile } from './identity';
import { checkBirthDate } from './membership-rules';

/** The personal record shared by members and applicants, as a caller gives it. */
export interface PersonInput {
  name: string;
  gender: 'MALE' | 'FEMALE';
  birthDate: string;
  ethnicity: string;
  education?: string | null;
  phone?: string | null;
  idNumber: string;
  category: MemberCategory;
  workUnitId?: string | null;
  residenceCommunityId?: string | null;
}

export type Person = Required<{ [K in keyof PersonInput]: Exclude<PersonInput[K], undefined> }>;

/** Short free text (ethnicity, education, responsibility area): trimmed, 1 to `max` characters, or null when blank and optional. */
export const optionalText = check.optionalName;

/** Checks every personal field, each refusal naming its field; ids are checked for form here and for existence by the caller. */
export function checkPerson(input: PersonInput, today: string): Person {
  const birthDate = checkBirthDate('birthDate', input.birthDate, today);
  const ethnicity = optionalText('ethnicity', input.ethnicity, 20);
  if (!ethnicity) throw new ValidationError('ethnicity', msg('input.length', { field: 'ethnicity', max: 20 }));
  return {
    name: check.name('name', input.name, 50),
    gender: input.gender,
    birthDate,
    ethnicity,
    education: optionalText('education', input.education, 50),
    phone: input.phone ? checkMobile('phone', input.phone) : null,
    idNumber: checkIdNumber('idNumber', input.idNumber, birthDate),
    category: input.category,
    workUnitId: input.workUnitId ? check.uuid('workUnitId', input.workUnitId) : null,
    residenceCommunityId: input.residenceCommunityId ? check.uuid('residenceCommunityId', input.residenceCommunityId) : null,
  };
}
