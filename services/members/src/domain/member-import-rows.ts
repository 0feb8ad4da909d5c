import { check, DomainError, msg } from '@cpb/kit';
import { dateOf, duplicatesInFile, oneOf, RowReader, type Finding as KitFinding, type ReadRow, type SheetRow } from '@cpb/kit/spreadsheets';
import type { MemberCategory, MemberStatus } from '../entities';
import { checkIdNumber, checkMobile, birthDateInIdNumber } from './identity';
import { categories, genders, headerOf, type MemberColumn } from './member-import-columns';
import { checkAdultDate, checkBirthDate, probationEndsOn } from './membership-rules';
import { optionalText } from './person';

export type Finding = KitFinding<MemberColumn>;

/** A row that passed every rule of its own; its organisation is still a name or code to resolve. */
export interface MemberRow {
  row: number;
  organizationRef: string;
  name: string;
  gender: 'MALE' | 'FEMALE';
  idNumber: string;
  birthDate: string;
  ethnicity: string;
  education: string | null;
  phone: string | null;
  category: MemberCategory;
  joinedOn: string;
  status: MemberStatus;
  probationEndsOn: string | null;
  convertedOn: string | null;
  skills: string[];
  responsibilityArea: string | null;
  homeAddress: string | null;
}

/**
 * Checks one row with the rules `createMember` applies (GB 11643 check digit, mobile number, dates,
 * joining after the 18th birthday, probation) and reports every refused cell, not only the first, so
 * one round of corrections fixes the row. Messages name the column by its Chinese header.
 */
export function readMemberRow(sheetRow: SheetRow, today: string): ReadRow<MemberRow, MemberColumn> {
  const reader = new RowReader<MemberColumn>(sheetRow, headerOf);
  const findings = reader.findings;
  const read = reader.read.bind(reader);
  const name = read('name', true, (h, c) => check.name(h, c.text, 50));
  const gender = read('gender', true, (h, c) => oneOf(h, c.text, genders));
  const idNumber = read('idNumber', true, (h, c) => {
    if (c.number !== undefined) throw new DomainError('BAD_USER_INPUT', msg('import.idNumberAsNumber', { field: h }), h);
    return checkIdNumber(h, c.text);
  });
  const statedBirth = read('birthDate', false, (h, c) => checkBirthDate(h, dateOf(h, c), today));
  const birthDate = statedBirth ?? (idNumber ? birthDateInIdNumber(idNumber) : undefined);
  if (statedBirth && idNumber && statedBirth !== birthDateInIdNumber(idNumber)) {
    reader.add(
      'birthDate',
      statedBirth,
      msg('member.birthDateMismatchesIdNumber', {
        field: headerOf.birthDate,
        fromIdNumber: birthDateInIdNumber(idNumber),
        birthDate: statedBirth,
      }),
    );
  }
  const ethnicity = read('ethnicity', true, (h, c) => optionalText(h, c.text, 20));
  const education = read('education', false, (h, c) => optionalText(h, c.text, 50));
  const phone = read('phone', false, (h, c) => checkMobile(h, c.text));
  const organizationRef = read('organization', true, (h, c) => check.name(h, c.text, 100));
  const category = read('category', true, (h, c) => oneOf(h, c.text, categories));
  const joinedOn = read('joinedOn', true, (h, c) => (birthDate ? checkAdultDate(h, dateOf(h, c), birthDate, today) : dateOf(h, c)));
  const ends = joinedOn ? probationEndsOn(joinedOn) : null;
  const convertedOn = read('convertedOn', false, (h, c) => {
    const on = dateOf(h, c);
    if (on > today) throw new DomainError('BAD_USER_INPUT', msg('date.inFuture', { field: h, value: on }), h);
    if (ends && on < ends)
      throw new DomainError('BAD_USER_INPUT', msg('import.convertedBeforeProbationEnds', { field: h, value: on, date: ends }), h);
    return on;
  });
  const skills = read('skills', false, (h, c) =>
    [
      ...new Set(
        c.text
          .split(/[、,，;；]/)
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ].map((s) => check.name(h, s, 30)),
  );
  const responsibilityArea = read('responsibilityArea', false, (h, c) => optionalText(h, c.text, 50));
  const homeAddress = read('homeAddress', false, (h, c) => optionalText(h, c.text, 200));
  if (findings.length > 0) return { findings };
  // Probation lasts a year: without a conversion date the status follows from the joining date, as in createMember.
  const status: MemberStatus = convertedOn || ends! <= today ? 'FULL' : 'PROBATIONARY';
  return {
    findings,
    value: {
      row: sheetRow.row,
      organizationRef: organizationRef!,
      name: name!,
      gender: gender!,
      idNumber: idNumber!,
      birthDate: birthDate!,
      ethnicity: ethnicity!,
      education: education ?? null,
      phone: phone ?? null,
      category: category!,
      joinedOn: joinedOn!,
      status,
      probationEndsOn: status === 'PROBATIONARY' ? ends : null,
      convertedOn: convertedOn ?? null,
      skills: skills ?? [],
      responsibilityArea: responsibilityArea ?? null,
      homeAddress: homeAddress ?? null,
    },
  };
}

/** Rows repeating an ID number earlier in the file: each repeat is refused, naming the first row. */
export const duplicateIdNumbers = (rows: readonly MemberRow[]): Finding[] =>
  duplicatesInFile(
    rows,
    (r) => r.idNumber,
    'idNumber',
    (r) => r.idNumber,
    headerOf.idNumber,
  );
