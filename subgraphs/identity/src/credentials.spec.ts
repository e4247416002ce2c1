import { checkPasswordPolicy, normaliseDisplayName, normaliseEmail } from './credentials';

describe('normaliseEmail', () => {
  it('trims and lower-cases so one address is one account', () => {
    expect(normaliseEmail('  Ann.Runner@Example.COM ')).toBe('ann.runner@example.com');
  });

  it.each(['', 'ann', 'ann@', '@example.com', 'a b@example.com'])(
    'refuses %p naming the email field',
    (raw) => {
      expect(() => normaliseEmail(raw)).toThrow(
        expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field: 'email' } }),
      );
    },
  );
});

describe('checkPasswordPolicy', () => {
  it('accepts 10 characters or more', () => {
    expect(() => checkPasswordPolicy('correct horse', 'ann@example.com')).not.toThrow();
  });

  it('refuses fewer than 10 characters', () => {
    expect(() => checkPasswordPolicy('short-pw1', 'ann@example.com')).toThrow(/at least 10/);
  });

  it('counts characters, not bytes', () => {
    expect(() => checkPasswordPolicy('ééééééééé', 'ann@example.com')).toThrow(/at least 10/);
  });

  it('refuses the email address as password, whatever its case', () => {
    expect(() => checkPasswordPolicy('Ann.Runner@Example.com', 'ann.runner@example.com')).toThrow(
      expect.objectContaining({ details: { field: 'password' } }),
    );
  });

  it('refuses absurdly long passwords', () => {
    expect(() => checkPasswordPolicy('x'.repeat(257), 'ann@example.com')).toThrow(/at most 256/);
  });
});

describe('normaliseDisplayName', () => {
  it('collapses white space', () => {
    expect(normaliseDisplayName('  Ann   Runner ')).toBe('Ann Runner');
  });

  it('refuses an empty name', () => {
    expect(() => normaliseDisplayName('   ')).toThrow(
      expect.objectContaining({ details: { field: 'displayName' } }),
    );
  });
});
