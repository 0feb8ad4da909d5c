/** The identity rules live in the kit (imports elsewhere name members by ID number); members reads them from here. */
export { birthDateInIdNumber, checkIdNumber, checkMobile, idCheckCharacter } from '@cpb/kit';
