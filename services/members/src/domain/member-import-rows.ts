import { check, DomainError, msg, type Message } from '@cpb/kit';
import type { SheetCell, SheetRow } from '@cpb/kit/spreadsheets';
import type { MemberCategory, MemberStatus } from '../entities';
import { checkIdNumber, checkMobile, birthDateInIdNumber } from './identity';
import { categories, genders, headerOf, type MemberColumn } from './member-import-columns';
import { checkAdultDate, checkBirthDate, probationEndsOn } from './membership-rules';
import { optionalText } from './person';

/** A problem with one cell: the row and column the user sees, what was read, why it is refused. */
export interface Finding {
  row: number;
  column: MemberColumn;
  value: string;
  message: Message;
}

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

const DATE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

/** A date as people type it (2005-07-01, 2005/7/1, 2005.7.1, 2005年7月1日) or as Excel stores it. */
function dateOf(field: string, cell: SheetCell): string {
  if (cell.date) return cell.date;
  const parts = DATE.exec(cell.text);
  if (!parts) throw new DomainError('BAD_USER_INPUT', msg('import.date', { field }), field);
  const day = `${parts[1]}-${parts[2].padStart(2, '0')}-${parts[3].padStart(2, '0')}`;
  try {
    return check.isoDate(field, day);
  } catch {
    throw new DomainError('BAD_USER_INPUT', msg('import.date', { field }), field);
  }
}

function oneOf<T>(field: string, text: string, values: Record<string, T>): T {
  const value = values[text];
  if (value === undefined)
    throw new DomainError('BAD_USER_INPUT', msg('import.notInList', { field, allowed: Object.keys(values).join('、') }), field);
  return value;
}

/**
 * Checks one row with the rules `createMember` applies (GB 11643 check digit, mobile number, dates,
 * joining after the 18th birthday, probation) and reports every refused cell, not only the first, so
 * one round of corrections fixes the row. Messages name the column by its Chinese header.
 */
export function readMemberRow(sheetRow: SheetRow, today: string): { member?: MemberRow; findings: Finding[] } {
  const findings: Finding[] = [];
  const cell = (column: MemberColumn): SheetCell => sheetRow.cells[column] ?? { text: '', formula: false };
  /** The column's checked value, or undefined with a finding; blank optional columns give null. */
  const read = <T>(column: MemberColumn, required: boolean, checkValue: (header: string, cell: SheetCell) => T): T | null | undefined => {
    const c = cell(column);
    const header = headerOf[column];
    if (c.formula) return void findings.push({ row: sheetRow.row, column, value: '', message: msg('import.formula') });
    if (c.text === '')
      return required
        ? void findings.push({ row: sheetRow.row, column, value: '', message: msg('import.required', { field: header }) })
        : null;
    try {
      return checkValue(header, c);
    } catch (error) {
      if (!(error instanceof DomainError) || !error.text) throw error;
      findings.push({ row: sheetRow.row, column, value: c.text, message: error.text });
      return undefined;
    }
  };
  const name = read('name', true, (h, c) => check.name(h, c.text, 50));
  const gender = read('gender', true, (h, c) => oneOf(h, c.text, genders));
  const idNumber = read('idNumber', true, (h, c) => {
    if (c.number !== undefined) throw new DomainError('BAD_USER_INPUT', msg('import.idNumberAsNumber', { field: h }), h);
    return checkIdNumber(h, c.text);
  });
  const statedBirth = read('birthDate', false, (h, c) => checkBirthDate(h, dateOf(h, c), today));
  const birthDate = statedBirth ?? (idNumber ? birthDateInIdNumber(idNumber) : undefined);
  if (statedBirth && idNumber && statedBirth !== birthDateInIdNumber(idNumber)) {
    findings.push({
      row: sheetRow.row,
      column: 'birthDate',
      value: statedBirth,
      message: msg('member.birthDateMismatchesIdNumber', {
        field: headerOf.birthDate,
        fromIdNumber: birthDateInIdNumber(idNumber),
        birthDate: statedBirth,
      }),
    });
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
    member: {
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
export function duplicatesInFile(rows: readonly MemberRow[]): Finding[] {
  const first = new Map<string, number>();
  const findings: Finding[] = [];
  for (const r of rows) {
    const seen = first.get(r.idNumber);
    if (seen === undefined) first.set(r.idNumber, r.row);
    else
      findings.push({
        row: r.row,
        column: 'idNumber',
        value: r.idNumber,
        message: msg('import.duplicateInFile', { field: headerOf.idNumber, row: seen }),
      });
  }
  return findings;
}
