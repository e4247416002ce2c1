/** An id argument checked to be a UUID (ids of the contexts that store UUIDs): BAD_USER_INPUT naming it otherwise. */
import { validate as isUuid } from 'uuid';
import { BadUserInputError } from '../errors/domain-error';

export function checkedId(field: string, id: string, what: string): string {
  if (!isUuid(id)) throw new BadUserInputError(field, `${field} must be ${what} id (a UUID).`);
  return id;
}
