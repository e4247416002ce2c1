import type { Request } from 'express';
import { admissionRetryAfterSeconds, passesAdmissionFreely } from './admission-middleware';

const aRequest = (method: string, accept?: string) => ({ method, headers: { accept } }) as Request;

describe('what the admission gate lets pass without a slot', () => {
  it('lets subscriptions over SSE, CORS preflights and the landing page pass: they are not work in flight', () => {
    expect(passesAdmissionFreely(aRequest('POST', 'text/event-stream'))).toBe(true);
    expect(passesAdmissionFreely(aRequest('GET', 'text/event-stream; charset=utf-8'))).toBe(true);
    expect(passesAdmissionFreely(aRequest('OPTIONS'))).toBe(true);
    expect(passesAdmissionFreely(aRequest('GET', 'text/html,application/xhtml+xml,*/*;q=0.8'))).toBe(true);
  });

  it('holds every operation and upload to a slot, GET operations included', () => {
    expect(passesAdmissionFreely(aRequest('POST', 'application/json'))).toBe(false);
    expect(passesAdmissionFreely(aRequest('POST'))).toBe(false);
    expect(passesAdmissionFreely(aRequest('GET', 'application/graphql-response+json'))).toBe(false);
  });

  it('tells a refused client to come back after the longest wait, in whole seconds, at least one', () => {
    expect([0, 1, 999, 1_000, 2_000, 2_001].map(admissionRetryAfterSeconds)).toEqual([1, 1, 1, 1, 2, 3]);
  });
});
