import { describe, expect, it } from 'vitest';
import { updatedSince } from './updated-since';

describe('how long ago a board changed', () => {
  it('says just now for the first minute, then minutes and hours', () => {
    const at = new Date('2026-03-02T10:00:00Z');
    const later = (seconds: number) => new Date(at.getTime() + seconds * 1_000);
    expect(updatedSince(at, later(0))).toBe('updated just now');
    expect(updatedSince(at, later(59))).toBe('updated just now');
    expect(updatedSince(at, later(60))).toBe('updated 1 minute ago');
    expect(updatedSince(at, later(150))).toBe('updated 2 minutes ago');
    expect(updatedSince(at, later(7_200))).toBe('updated 2 hours ago');
    // A clock a little behind the message's arrival.
    expect(updatedSince(at, later(-3))).toBe('updated just now');
  });
});
