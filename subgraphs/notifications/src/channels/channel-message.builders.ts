/** Test data of the channels: a channel message with overridable fields, and the links a mail is built with. */
import type { ChannelMessage } from './channel-message';

export function aChannelMessage(overrides: Partial<ChannelMessage> = {}): ChannelMessage {
  return {
    notificationId: '0d5c3c1e-8f1a-4c52-9d4e-2b7f6a1e9c01',
    workflow: 'kudos-received',
    category: 'SOCIAL',
    title: 'Kudos',
    body: 'Ann, Bob and 23 others gave kudos to your Morning Run',
    url: 'https://pulse.example/workouts/w-1',
    ...overrides,
  };
}

export const someLinks = {
  appUrl: 'https://pulse.example',
  preferencesUrl: 'https://pulse.example/settings/notifications',
  unsubscribeUrl: 'https://pulse.example/unsubscribe?token=signed.t0ken',
};
