import { describe, expect, it } from 'vitest';
import { followAction } from './follow-state';

describe('the follow button of a found athlete', () => {
  it('follows, withdraws a pending request, or unfollows', () => {
    expect(followAction(null, false)).toEqual({ status: null, button: { label: 'Follow', does: 'follow' } });
    expect(followAction('PENDING', false)).toEqual({
      status: 'Requested',
      button: { label: 'Withdraw request', does: 'unfollow' },
    });
    expect(followAction('ACCEPTED', false)).toEqual({
      status: 'Following',
      button: { label: 'Unfollow', does: 'unfollow' },
    });
  });

  it('offers nothing for oneself', () => {
    expect(followAction(null, true)).toEqual({ status: 'This is you', button: null });
  });
});
