/**
 * Length limits of the places a message is pasted into, so the filler can warn before the channel
 * cuts the text or refuses it. Lengths are counted in code points (an emoji is one), as these
 * channels count characters. Pure.
 */

export type ChannelLimitId = 'slack-channel-name' | 'slack-channel-topic' | 'pagerduty-summary';

export const CHANNEL_LIMITS: Record<ChannelLimitId, { max: number; label: string }> = {
  'slack-channel-name': { max: 80, label: 'Slack channel name' },
  'slack-channel-topic': { max: 250, label: 'Slack channel topic' },
  'pagerduty-summary': { max: 1024, label: 'PagerDuty summary' },
};

export interface LimitWarning {
  limit: ChannelLimitId;
  label: string;
  max: number;
  length: number;
  field?: string;
}

/** Warnings for text over its limit (length in characters as the channel counts them: code points). */
export function overLimit(limit: ChannelLimitId, text: string, field?: string): LimitWarning | undefined {
  const { max, label } = CHANNEL_LIMITS[limit];
  const length = [...text].length;
  return length > max ? { limit, label, max, length, ...(field === undefined ? {} : { field }) } : undefined;
}
