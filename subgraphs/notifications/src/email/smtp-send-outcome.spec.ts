import { outcomeOfSmtpError, outcomeOfSmtpSuccess } from './smtp-send-outcome';

describe('outcomeOfSmtpSuccess', () => {
  it('is sent, with the server answer as detail', () => {
    expect(outcomeOfSmtpSuccess({ response: '250 OK: queued as 12345', rejected: [] })).toEqual({
      outcome: 'sent',
      detail: '250 OK: queued as 12345',
    });
  });

  it('is failed when the server accepted the message but refused the recipient', () => {
    expect(outcomeOfSmtpSuccess({ response: '250 OK', rejected: ['chris@example.com'] }).outcome).toBe(
      'failed',
    );
  });
});

describe('outcomeOfSmtpError', () => {
  it('fails a 5xx answer for good with the reply on one line', () => {
    const error = {
      message: "Can't send mail - all recipients were rejected: 550-5.1.1 No such user\n550 5.1.1 Try again",
      code: 'EENVELOPE',
      response: '550-5.1.1 No such user\n550 5.1.1 Try again',
      responseCode: 550,
      permanent: true,
    };
    expect(outcomeOfSmtpError(error)).toEqual({
      outcome: 'failed',
      reason: '550-5.1.1 No such user 550 5.1.1 Try again',
    });
  });

  it('retries a 4xx answer', () => {
    const error = {
      message: 'x',
      code: 'EENVELOPE',
      response: '451 Try later',
      responseCode: 451,
      permanent: false,
    };
    expect(outcomeOfSmtpError(error)).toEqual({
      outcome: 'retry',
      reason: '451 Try later',
      retryAfterMs: null,
    });
  });

  it('retries 503 (a confused session, not a refused message), as nodemailer marks it', () => {
    const error = { message: 'x', response: '503 Bad sequence', responseCode: 503, permanent: false };
    expect(outcomeOfSmtpError(error).outcome).toBe('retry');
  });

  it('reads the reply class when nodemailer did not mark the error', () => {
    expect(outcomeOfSmtpError({ message: 'x', response: '554 No', responseCode: 554 }).outcome).toBe(
      'failed',
    );
  });

  it('retries a refused login: it is the server configuration, not this mail', () => {
    const error = {
      message: 'Invalid login',
      code: 'EAUTH',
      response: '535 Bad',
      responseCode: 535,
      permanent: true,
    };
    expect(outcomeOfSmtpError(error).outcome).toBe('retry');
  });

  it.each(['ESOCKET', 'ECONNECTION', 'ETIMEDOUT', 'EDNS'])('retries a %s error without a reply', (code) => {
    expect(outcomeOfSmtpError({ message: `${code} happened`, code })).toEqual({
      outcome: 'retry',
      reason: `${code} happened`,
      retryAfterMs: null,
    });
  });
});
