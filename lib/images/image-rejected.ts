/** Why Pulse refuses an uploaded image, in words a client developer can act on. */
import { DomainError } from '../errors/domain-error';

export type ImageRejectedReason = 'UNSUPPORTED_TYPE' | 'TOO_MANY_BYTES' | 'TOO_MANY_PIXELS' | 'CORRUPT';

/** A BAD_USER_INPUT error with `field: 'image'` and a stable `reason` in its details. */
export class ImageRejected extends DomainError {
  constructor(
    readonly reason: ImageRejectedReason,
    message: string,
  ) {
    super('BAD_USER_INPUT', message, { field: 'image', reason });
  }
}
