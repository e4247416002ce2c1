import { aChannelMessage, someLinks } from '../channels/channel-message.builders';
import { renderDigest, renderEmail, type EmailInput } from './email-templates';
import { escapeHtml } from './templates/escape-html';
import { KNOWN_WORKFLOWS } from './templates/workflow-copy';

const anEmail = (overrides: Partial<EmailInput> = {}): EmailInput => ({
  message: aChannelMessage(),
  recipientName: 'Chris',
  ...someLinks,
  unsubscribeUrl: null,
  ...overrides,
});

describe('renderEmail', () => {
  it.each(KNOWN_WORKFLOWS)(
    'renders %s with a subject, a text and an HTML part holding the sentence',
    (workflow) => {
      const body = `Something happened for ${workflow}`;
      const mail = renderEmail(anEmail({ message: aChannelMessage({ workflow, body }) }));

      expect(mail.subject.length).toBeGreaterThan(0);
      expect(mail.subject).not.toMatch(/\n/);
      expect(mail.text).toContain(body);
      expect(mail.html).toContain(escapeHtml(body));
    },
  );

  it('has copy for every workflow of the notifications context', () => {
    expect([...KNOWN_WORKFLOWS].sort()).toEqual(
      [
        'follow-requested',
        'follow-accepted',
        'new-follower',
        'kudos-received',
        'comment-received',
        'mentioned',
        'club-invitation',
        'achievement-unlocked',
        'level-reached',
        'challenge-completed',
        'import-finished',
        'import-failed',
        'load-spike',
        'recommendation',
        'gear-worn',
        'marketing',
      ].sort(),
    );
  });

  it('uses the sentence as the subject of kudos, with a button to the workout', () => {
    const mail = renderEmail(anEmail());

    expect(mail.subject).toBe('Ann, Bob and 23 others gave kudos to your Morning Run');
    expect(mail.text).toContain('See your workout: https://pulse.example/workouts/w-1');
    expect(mail.html).toContain('<a href="https://pulse.example/workouts/w-1"');
    expect(mail.html).toContain('>See your workout</a>');
  });

  it('gives gear and failed imports their own subject and button', () => {
    const gear = renderEmail(
      anEmail({ message: aChannelMessage({ workflow: 'gear-worn', category: 'GEAR' }) }),
    );
    const failed = renderEmail(anEmail({ message: aChannelMessage({ workflow: 'import-failed' }) }));

    expect(gear.subject).toBe('Time to look at your gear');
    expect(gear.text).toContain('Open your gear:');
    expect(failed.text).toContain('Try another file:');
  });

  it('falls back to a generic template for an unknown workflow', () => {
    const mail = renderEmail(
      anEmail({ message: aChannelMessage({ workflow: 'brand-new', body: 'A new thing' }) }),
    );

    expect(mail.subject).toBe('A new thing');
    expect(mail.text).toContain('Open Pulse: https://pulse.example/workouts/w-1');
  });

  it('links to the app when the notification has no link, and never to a javascript: one', () => {
    const none = renderEmail(anEmail({ message: aChannelMessage({ url: null }) }));
    const script = renderEmail(anEmail({ message: aChannelMessage({ url: 'javascript:alert(1)' }) }));

    expect(none.text).toContain('See your workout: https://pulse.example\n');
    expect(script.html).not.toContain('javascript:');
  });

  it('escapes every value it puts into the HTML part', () => {
    const name = '<script>alert("x")</script> & Co';
    const mail = renderEmail(
      anEmail({
        recipientName: name,
        message: aChannelMessage({ title: `Kudos from ${name}`, body: `${name} gave kudos to your run` }),
      }),
    );

    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('Hi &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co,');
    expect(mail.html).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co gave kudos to your run',
    );
    expect(mail.html).not.toMatch(/&(?!amp;|lt;|gt;|quot;|#39;)/);
    // The text part is not HTML: it keeps the name as written.
    expect(mail.text).toContain(`Hi ${name},`);
  });

  it('is an inline-styled page without tables', () => {
    const { html } = renderEmail(anEmail());

    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<table|<style|<link/);
    expect(html).toContain('style="');
  });

  it('says in the footer why the mail came, in both parts', () => {
    const mail = renderEmail(anEmail());

    expect(mail.text).toContain(
      'You receive this because of your notification settings: https://pulse.example/settings/notifications',
    );
    expect(mail.html).toContain('href="https://pulse.example/settings/notifications"');
    expect(mail.text).not.toContain('nsubscribe');
  });

  it('adds the unsubscribe link to commercial mail', () => {
    const mail = renderEmail(
      anEmail({
        message: aChannelMessage({
          workflow: 'marketing',
          category: 'COMMERCIAL',
          body: 'Premium is 30% off',
        }),
        unsubscribeUrl: someLinks.unsubscribeUrl,
      }),
    );

    expect(mail.text).toContain(`Stop these emails with one click: ${someLinks.unsubscribeUrl}`);
    expect(mail.html).toContain(`href="${escapeHtml(someLinks.unsubscribeUrl)}"`);
  });

  it('does not show an unsubscribe link on non-commercial mail even when given one', () => {
    const mail = renderEmail(anEmail({ unsubscribeUrl: someLinks.unsubscribeUrl }));

    expect(mail.text).not.toContain(someLinks.unsubscribeUrl);
    expect(mail.html).not.toContain('Unsubscribe');
  });
});

describe('renderDigest', () => {
  const items = [
    {
      at: new Date('2026-03-10T06:15:00Z'),
      message: aChannelMessage({ title: 'Kudos', body: 'Ann gave kudos' }),
    },
    {
      at: new Date('2026-03-10T17:40:00Z'),
      message: aChannelMessage({ title: 'Comment', body: 'Bob commented' }),
    },
    {
      at: new Date('2026-03-10T11:05:00Z'),
      message: aChannelMessage({ title: 'Gear', body: 'Shoes at 800 km' }),
    },
  ];
  const aDigest = (timeZone: string) =>
    renderDigest({ recipientName: 'Chris', items, ...someLinks, timeZone });

  it('counts the notifications in the subject', () => {
    expect(aDigest('UTC').subject).toBe('Your day on Pulse: 3 notifications');
    expect(
      renderDigest({ recipientName: 'Chris', items: items.slice(0, 1), ...someLinks, timeZone: 'UTC' })
        .subject,
    ).toBe('Your day on Pulse: 1 notification');
  });

  it('lists the items newest first at their local time in the recipient zone', () => {
    const { text, html } = aDigest('America/New_York');

    const order = ['Tue 13:40', 'Tue 07:05', 'Tue 02:15'].map((time) => text.indexOf(time));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(text.indexOf('Bob commented')).toBeLessThan(text.indexOf('Shoes at 800 km'));
    expect(text.indexOf('Shoes at 800 km')).toBeLessThan(text.indexOf('Ann gave kudos'));
    expect(html).toContain('Tue 13:40');
  });

  it('shows the same instants in another zone at that zone’s clock', () => {
    expect(aDigest('Asia/Tokyo').text).toContain('Wed 02:40 · Comment');
  });

  it('escapes the items in the HTML part and keeps the settings footer', () => {
    const digest = renderDigest({
      recipientName: 'Chris',
      items: [{ at: new Date(), message: aChannelMessage({ body: '<b>Ann</b> & Bob' }) }],
      ...someLinks,
      timeZone: 'Europe/Berlin',
    });

    expect(digest.html).toContain('&lt;b&gt;Ann&lt;/b&gt; &amp; Bob');
    expect(digest.text).toContain('You receive this because of your notification settings:');
  });
});
