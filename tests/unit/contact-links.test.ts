/**
 * Phone numbers, e-mail addresses and placeholders in contact text: what is recognised, what is not
 * (dates, versions, durations, ids, times), and the tel: / mailto: targets.
 */
import { describe, expect, it } from 'vitest';
import { findContactParts, isPlaceholder, telHref } from '../../src/lib/contact-links';

const kinds = (text: string) => findContactParts(text).filter((p) => p.type !== 'text').map((p) => [p.type, p.text]);

describe('phone numbers', () => {
  it.each([
    ['+44 20 7946 0000', 'tel:+442079460000'],
    ['(555) 123-4567', 'tel:5551234567'],
    ['0800 123 456', 'tel:0800123456'],
    ['+1-555-123-4567', 'tel:+15551234567'],
    ['+44 (0)20 7946 0000', 'tel:+442079460000'],
    ['555 123 4567', 'tel:5551234567'],
    ['+4930123456', 'tel:+4930123456'],
    ['01 23 45 67 89', 'tel:0123456789'],
  ])('recognises %s', (phone, href) => {
    const parts = findContactParts(`Call ${phone} now.`);
    expect(parts).toEqual([
      { type: 'text', text: 'Call ' },
      { type: 'phone', text: phone, href },
      { type: 'text', text: ' now.' },
    ]);
  });

  it.each([
    ['a date', 'Last reviewed 2024-01-20'],
    ['a date with slashes', 'since 20/01/2024'],
    ['a dotted date', 'since 20.01.2024'],
    ['a version', 'version 10.0.19041.1'],
    ['an IP address', 'host 192.168.100.200'],
    ['an incident id', 'INC-2026-11-22-001'],
    ['a duration', 'within 1 000 000 ms'],
    ['a count of users', '1 500 000 users'],
    ['a time range', '09:00-17:00'],
    ['a range with an en dash', '0–15 min'],
    ['a plain run of digits', 'order 1234567890'],
    ['too few digits', 'call 123-456'],
    ['too many digits', '+1 234 567 890 123 456 789'],
    ['a percentage', 'above 12 345 678%'],
    ['an error code', 'SQLSTATE[HY000] [1045]'],
    ['a path', '/api/v1/2024-01-20/123-4567'],
    ['a Slack handle', '@commander'],
  ])('does not take %s for a phone number', (_, text) => {
    expect(findContactParts(text).filter((p) => p.type === 'phone')).toEqual([]);
  });

  it('writes tel: targets as digits with a leading +', () => {
    expect(telHref(' +44 20 7946 0000 ')).toBe('tel:+442079460000');
    expect(telHref('(555) 123-4567')).toBe('tel:5551234567');
  });
});

describe('e-mail addresses', () => {
  it('links addresses, not Slack handles, and leaves sentence punctuation out', () => {
    expect(kinds('Mail oncall+p1@ops.example.co.uk. Or @devops.')).toEqual([['email', 'oncall+p1@ops.example.co.uk']]);
    const [, email] = findContactParts('to a.b@example.com');
    expect(email).toEqual({ type: 'email', text: 'a.b@example.com', href: 'mailto:a.b@example.com' });
  });
});

describe('placeholders', () => {
  it('marks [Label] and "To be filled in"', () => {
    expect(kinds('Phone [Phone] / Email [Email]')).toEqual([['placeholder', '[Phone]'], ['placeholder', '[Email]']]);
    expect(kinds('[Slack/PagerDuty]')).toEqual([['placeholder', '[Slack/PagerDuty]']]);
    expect(kinds('To be filled in')).toEqual([['placeholder', 'To be filled in']]);
    expect(kinds('[Bridge link] and [Rotation]')).toEqual([['placeholder', '[Bridge link]'], ['placeholder', '[Rotation]']]);
    expect(findContactParts('[Name]')).toEqual([{ type: 'placeholder', text: '[Name]', label: 'Name' }]);
  });

  it('does not mark indexes, error codes, checkboxes or links', () => {
    expect(kinds('SQLSTATE[HY000] [1045] [ ] [x] [docs](https://x.example)')).toEqual([]);
  });

  it('tells whole-value placeholders from values that contain one', () => {
    expect(isPlaceholder('[Phone]')).toBe(true);
    expect(isPlaceholder(' To be filled in ')).toBe(true);
    expect(isPlaceholder('Phone [Phone]')).toBe(false);
    expect(isPlaceholder('Slack @sysadmin')).toBe(false);
  });
});
