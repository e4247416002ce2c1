import { CATEGORIES, type Category } from '../channels/channel-message';
import type { Channel } from '../workflows/workflow';
import {
  CHANNELS,
  categorySubject,
  decideChannel,
  DEFAULTS,
  workflowSubject,
  type Choices,
} from './preference-rules';

const workflowOf = (category: Category, critical = false) => ({
  name: `a-${category.toLowerCase()}`,
  category,
  critical,
});
const choices = (entries: [string, Channel, boolean][]): Choices => {
  const map = new Map<string, Map<Channel, boolean>>();
  for (const [subject, channel, enabled] of entries)
    map.set(subject, (map.get(subject) ?? new Map()).set(channel, enabled));
  return map;
};
const none = { choices: choices([]), commercialOptOut: false };

describe('decideChannel: the order of the rules', () => {
  // Every category × channel with no choice: the default decides.
  it.each(CATEGORIES.flatMap((category) => CHANNELS.map((channel) => [category, channel] as const)))(
    '%s × %s without choices follows the default',
    (category, channel) => {
      expect(decideChannel(workflowOf(category), channel, none).send).toBe(
        DEFAULTS[category][channel].enabled,
      );
    },
  );

  it('a critical workflow is sent whatever the choices, the read-only defaults and the opt-out say', () => {
    const refused = choices(
      CHANNELS.flatMap((c) => [[categorySubject('COMMERCIAL'), c, false] as [string, Channel, boolean]]),
    );
    for (const channel of CHANNELS) {
      expect(
        decideChannel(workflowOf('COMMERCIAL', true), channel, { choices: refused, commercialOptOut: true }),
      ).toEqual({
        send: true,
        by: 'critical',
      });
    }
  });

  it('a read-only default ignores the choices (account email and inbox)', () => {
    const refused = choices([
      [categorySubject('ACCOUNT'), 'EMAIL', false],
      [workflowSubject('a-account'), 'IN_APP', false],
    ]);
    expect(
      decideChannel(workflowOf('ACCOUNT'), 'EMAIL', { choices: refused, commercialOptOut: false }),
    ).toEqual({ send: true, by: 'default' });
    expect(
      decideChannel(workflowOf('ACCOUNT'), 'IN_APP', { choices: refused, commercialOptOut: false }),
    ).toEqual({ send: true, by: 'default' });
  });

  it("the workflow's choice comes before the category's, which comes before the default", () => {
    const user = {
      choices: choices([
        [categorySubject('SOCIAL'), 'PUSH', false],
        [workflowSubject('a-social'), 'PUSH', true],
        [categorySubject('SOCIAL'), 'EMAIL', true],
      ]),
      commercialOptOut: false,
    };
    expect(decideChannel(workflowOf('SOCIAL'), 'PUSH', user)).toEqual({ send: true, by: 'workflow choice' });
    expect(decideChannel({ ...workflowOf('SOCIAL'), name: 'other' }, 'PUSH', user)).toEqual({
      send: false,
      reason: 'you turned off social notifications by push',
    });
    expect(decideChannel(workflowOf('SOCIAL'), 'EMAIL', user)).toEqual({ send: true, by: 'category choice' });
    expect(decideChannel(workflowOf('SOCIAL'), 'IN_APP', user)).toEqual({ send: true, by: 'default' });
  });

  it('the commercial opt-out refuses commercial messages on every channel, even ones chosen', () => {
    const chosen = choices(
      CHANNELS.map((c) => [categorySubject('COMMERCIAL'), c, true] as [string, Channel, boolean]),
    );
    for (const channel of CHANNELS) {
      expect(
        decideChannel(workflowOf('COMMERCIAL'), channel, { choices: chosen, commercialOptOut: true }),
      ).toEqual({
        send: false,
        reason: 'refused by your commercial opt-out',
      });
      expect(
        decideChannel(workflowOf('COMMERCIAL'), channel, { choices: chosen, commercialOptOut: false }).send,
      ).toBe(true);
      // Only commercial messages: the opt-out leaves the rest alone.
      expect(
        decideChannel(workflowOf('GEAR'), channel, { choices: choices([]), commercialOptOut: true }).send,
      ).toBe(true);
    }
  });
});
