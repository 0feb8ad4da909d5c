import { createHmac, timingSafeEqual } from 'node:crypto';
import { ValidationError } from '../errors';
import { msg } from '../messages';

/**
 * Cursors are opaque and only the list that issued them takes them back: each is the page position
 * (base64url JSON) followed by an HMAC over the list's schema coordinate (e.g. `Query.members`) and
 * that position. A forged, altered or foreign cursor is refused before any SQL sees its contents.
 */
export class CursorSeal {
  private readonly key: Buffer;

  /** `secret` is the service's own secret; the cursor key is derived from it, never the secret itself. */
  constructor(secret: string) {
    this.key = createHmac('sha256', secret).update('cpb-cursor-v1').digest();
  }

  private mac(list: string, position: string): string {
    return createHmac('sha256', this.key).update(`${list}\u0000${position}`).digest('base64url').slice(0, 22);
  }

  seal(list: string, position: string): string {
    return `${position}.${this.mac(list, position)}`;
  }

  /** The position inside a cursor `list` issued, or a refusal naming `after`. */
  open(list: string, cursor: string, field = 'after'): string {
    const dot = cursor.lastIndexOf('.');
    const position = cursor.slice(0, dot);
    const given = Buffer.from(cursor.slice(dot + 1));
    const expected = Buffer.from(this.mac(list, position));
    if (dot < 1 || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new ValidationError(field, msg('page.foreignCursor', { field }));
    }
    return position;
  }
}
