/** Channel length limits: a warning only past the limit, with the length the channel counts (code points). */
import { describe, expect, it } from 'vitest';
import { CHANNEL_LIMITS, overLimit, type ChannelLimitId } from '../../src/lib/channel-limits';

const x = (n: number) => 'x'.repeat(n);

describe('CHANNEL_LIMITS', () => {
  it('holds the limits of Slack and PagerDuty', () => {
    expect(CHANNEL_LIMITS).toEqual({
      'slack-channel-name': { max: 80, label: 'Slack channel name' },
      'slack-channel-topic': { max: 250, label: 'Slack channel topic' },
      'pagerduty-summary': { max: 1024, label: 'PagerDuty summary' },
    });
  });
});

describe('overLimit', () => {
  const cases: Array<[ChannelLimitId, number, string]> = [
    ['slack-channel-name', 80, 'Slack channel name'],
    ['slack-channel-topic', 250, 'Slack channel topic'],
    ['pagerduty-summary', 1024, 'PagerDuty summary'],
  ];

  for (const [limit, max, label] of cases) {
    it(`${limit}: nothing at ${max} characters, a warning at ${max + 1}`, () => {
      expect(overLimit(limit, '')).toBeUndefined();
      expect(overLimit(limit, x(max))).toBeUndefined();
      expect(overLimit(limit, x(max + 1))).toEqual({ limit, label, max, length: max + 1 });
      expect(overLimit(limit, x(max + 1), 'summary')).toEqual({ limit, label, max, length: max + 1, field: 'summary' });
    });
  }

  it('counts an emoji as one character, as the channels do', () => {
    expect(overLimit('slack-channel-name', '🚨'.repeat(80))).toBeUndefined();
    expect(overLimit('slack-channel-name', '🚨'.repeat(81))).toMatchObject({ length: 81 });
  });

  it('leaves out the field when none is given', () => {
    expect(Object.keys(overLimit('slack-channel-name', x(81))!)).toEqual(['limit', 'label', 'max', 'length']);
  });
});
