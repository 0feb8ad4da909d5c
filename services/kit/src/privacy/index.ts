export { scrubText, PLACEHOLDERS, PLACEHOLDER_MEANINGS, type ScrubOptions } from './scrub-text';
export { findPersonalData, luhnValid, type PersonalDataKind, type Found } from './detectors';
