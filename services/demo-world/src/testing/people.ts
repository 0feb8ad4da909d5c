import { idCheckDigit } from '../world';

let sequence = 0;

/** A valid resident ID number for this birth date (GB 11643, a Nanjing prefix), different on every call. */
export function idNumberFor(birthDate: string): string {
  const first17 = `320102${birthDate.replace(/-/g, '')}${String(++sequence % 1000).padStart(3, '0')}`;
  return first17 + idCheckDigit(first17);
}

/** A person's record that passes every rule of `createMember`; override what a test is about. */
export function person(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const birthDate = (overrides.birthDate as string) ?? '1990-05-17';
  return {
    name: '测试党员',
    gender: 'FEMALE',
    birthDate,
    ethnicity: '汉族',
    education: 'BACHELOR',
    phone: '13912345678',
    idNumber: idNumberFor(birthDate),
    category: 'EMPLOYED',
    ...overrides,
  };
}
