/** What the Kudos button of a feed item says and whether it can be pressed. */
export interface KudosButton {
  label: string;
  disabled: boolean;
  /** Why it cannot be pressed, for the button's title; null when it can. */
  reason: string | null;
}

export function kudosButton(state: { isOwn: boolean; givenByMe: boolean; sending: boolean }): KudosButton {
  if (state.isOwn) {
    return { label: 'Give kudos', disabled: true, reason: 'Kudos are for other athletes’ workouts.' };
  }
  if (state.givenByMe)
    return { label: 'Kudos given', disabled: true, reason: 'You gave kudos to this workout.' };
  if (state.sending) return { label: 'Giving kudos…', disabled: true, reason: null };
  return { label: 'Give kudos', disabled: false, reason: null };
}

export const kudosCountText = (count: number) => (count === 1 ? '1 kudos' : `${count} kudos`);
