/** An id argument checked to be a UUID (every id notifications stores is one): BAD_USER_INPUT naming it otherwise. */
import { validate as isUuid } from 'uuid';
import { BadUserInputError } from '../../../lib/errors/domain-error';

export function checkedId(field: string, id: string, what: string): string {
  if (!isUuid(id)) throw new BadUserInputError(field, `${field} must be ${what} id (a UUID).`);
  return id;
}
