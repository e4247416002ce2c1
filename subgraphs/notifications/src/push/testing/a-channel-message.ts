/** A ChannelMessage for push tests, with overridable fields. */
import type { ChannelMessage } from '../../channels/channel-message';

export function aChannelMessage(overrides: Partial<ChannelMessage> = {}): ChannelMessage {
  return {
    notificationId: '0b7c1a52-5d0f-4a8e-9a51-3f0e6f3c2d11',
    workflow: 'kudos-received',
    category: 'SOCIAL',
    title: 'Kudos',
    body: 'Ann, Bob and 23 others gave kudos to your Morning Run',
    url: 'https://pulse.example/activities/42',
    ...overrides,
  };
}
