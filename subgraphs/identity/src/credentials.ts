/** Rules for what a person types when registering: email, password, display name. */
import { z } from 'zod';
import { BadUserInputError } from '../../../lib/errors/domain-error';

export const PASSWORD_MIN_LENGTH = 10;
// argon2 accepts any length; a cap keeps one request from buying seconds of CPU.
export const PASSWORD_MAX_LENGTH = 256;
export const DISPLAY_NAME_MAX_LENGTH = 60;

const emailFormat = z.email();

/** Trims, applies Unicode NFC and lower-cases: `Ann@Example.COM ` and `ann@example.com` are one account. */
export function normaliseEmail(raw: string): string {
  const email = raw.normalize('NFC').trim().toLowerCase();
  if (email.length > 254 || !emailFormat.safeParse(email).success) {
    throw new BadUserInputError('email', 'Enter a valid email address, like ann@example.com.');
  }
  return email;
}

export function checkPasswordPolicy(password: string, normalisedEmail: string): void {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) {
    throw new BadUserInputError('password', `The password needs at least ${PASSWORD_MIN_LENGTH} characters.`);
  }
  if (length > PASSWORD_MAX_LENGTH) {
    throw new BadUserInputError(
      'password',
      `The password can have at most ${PASSWORD_MAX_LENGTH} characters.`,
    );
  }
  if (password.normalize('NFC').trim().toLowerCase() === normalisedEmail) {
    throw new BadUserInputError('password', 'The password must not be the email address.');
  }
}

export function normaliseDisplayName(raw: string): string {
  const name = raw.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (name.length === 0 || name.length > DISPLAY_NAME_MAX_LENGTH) {
    throw new BadUserInputError(
      'displayName',
      `The display name needs 1 to ${DISPLAY_NAME_MAX_LENGTH} characters.`,
    );
  }
  return name;
}
