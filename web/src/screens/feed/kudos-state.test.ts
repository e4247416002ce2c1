import { describe, expect, it } from 'vitest';
import { kudosButton, kudosCountText } from './kudos-state';

describe('the Kudos button', () => {
  it('can be pressed on another athlete’s workout not cheered yet', () => {
    expect(kudosButton({ isOwn: false, givenByMe: false, sending: false })).toEqual({
      label: 'Give kudos',
      disabled: false,
      reason: null,
    });
  });

  it('is disabled on one’s own workout, once given, and while being sent', () => {
    expect(kudosButton({ isOwn: true, givenByMe: false, sending: false })).toMatchObject({
      disabled: true,
      reason: 'Kudos are for other athletes’ workouts.',
    });
    expect(kudosButton({ isOwn: false, givenByMe: true, sending: false })).toMatchObject({
      label: 'Kudos given',
      disabled: true,
    });
    expect(kudosButton({ isOwn: false, givenByMe: false, sending: true })).toMatchObject({
      label: 'Giving kudos…',
      disabled: true,
    });
  });

  it('counts kudos in words', () => {
    expect([0, 1, 12].map(kudosCountText)).toEqual(['0 kudos', '1 kudos', '12 kudos']);
  });
});
