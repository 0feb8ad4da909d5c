import { DomainError } from '../errors';
import type { Message } from '../messages';

/** Why a whole file is refused before any row is read: `extensions.reason`, stable for clients. */
export type FileProblem =
  | 'EMPTY_FILE'
  | 'NOT_A_SPREADSHEET'
  | 'ENCRYPTED_WORKBOOK'
  | 'MACRO_WORKBOOK'
  | 'ZIP_BOMB'
  | 'FILE_TOO_LARGE'
  | 'TOO_MANY_ROWS'
  | 'NO_ROWS'
  | 'WRONG_HEADERS';

/**
 * A file refused as a whole (nothing read, nothing written): BAD_USER_INPUT on the field `file` with
 * the problem in `extensions.reason`, or PAYLOAD_TOO_LARGE for a file above the size limit.
 */
export class FileRefusedError extends DomainError {
  constructor(
    readonly reason: FileProblem,
    message: Message,
    details: Record<string, number> = {},
  ) {
    super(reason === 'FILE_TOO_LARGE' ? 'PAYLOAD_TOO_LARGE' : 'BAD_USER_INPUT', message, 'file', { reason, ...details });
  }
}
