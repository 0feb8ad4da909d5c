/**
 * Every field of a Member the members service resolves, and who sees it (the fields other services
 * add are in read-rules.ts). `visible`: any signed-in caller but analysts (names on lists);
 * `personal`: the member and their managers, null for others; `record`: the member and their
 * managers, FORBIDDEN for others.
 */
export const memberFields: Record<string, 'visible' | 'personal' | 'record'> = {
  'Member.id': 'visible',
  'Member.name': 'visible',
  'Member.organization': 'visible',
  'Member.responsibilityArea': 'visible', // 公示责任区: public by design
  'Member.phoneMasked': 'visible',
  'Member.idNumberMasked': 'visible',
  'Member.phone': 'personal',
  'Member.idNumber': 'personal',
  'Member.homeAddress': 'personal',
  'Member.gender': 'record',
  'Member.birthDate': 'record',
  'Member.ethnicity': 'record',
  'Member.education': 'record',
  'Member.joinedOn': 'record',
  'Member.status': 'record',
  'Member.probationEndsOn': 'record',
  'Member.convertedOn': 'record',
  'Member.category': 'record',
  'Member.workUnit': 'record',
  'Member.residenceCommunity': 'record',
  'Member.admittedFrom': 'record',
};

/**
 * Fields elsewhere whose names say they hold personal data, and why that is safe: a new field named
 * like these without a line here fails the schema test.
 */
export const otherPersonalFields: Record<string, string> = {
  'Applicant.phone': "an applicant is read only by its organisation's managers (Query.applicant, Query.applicants)",
  'Applicant.idNumber': 'as Applicant.phone',
  'Applicant.birthDate': 'as Applicant.phone',
  'Resource.address': "a venue's address, public in the catalogue (not a person's)",
};

/** Names that mark a field as personal data. */
export const PERSONAL_NAME = /phone|idnumber|address|birth/i;
