/**
 * What readers see for each value of the content's fixed lists. Typed by the list they label: a new
 * runbook kind, field type, audience or review status fails type-checking here until it has a label,
 * instead of showing "undefined" on a page.
 */
import type { RunbookKind } from '../schemas/runbook';
import type { Audience, ChannelKind, FieldType } from '../schemas/template';
import type { ReviewStatus } from './review';

export const KIND_LABELS: Record<RunbookKind, string> = {
  overview: 'Overview',
  scenario: 'Scenario',
  process: 'Process',
  reference: 'Reference',
  onboarding: 'Onboarding',
};

export const FIELD_TYPE_LABELS: Record<FieldType, string> = {
  text: 'text',
  multiline: 'text (several lines)',
  choice: 'choice',
  time: 'time',
  duration: 'duration',
  severity: 'severity level',
  list: 'list',
};

export const AUDIENCE_LABELS: Record<Audience, string> = {
  internal: 'Internal',
  customers: 'To customers',
  public: 'Public',
};

export const CHANNEL_KIND_LABELS: Record<ChannelKind, string> = {
  chat: 'Chat',
  sms: 'SMS',
  pager: 'Pager',
  email: 'E-mail',
  'status-page': 'Status page',
  document: 'Document',
  call: 'Call',
};

export const REVIEW_STATUS_LABELS: Record<ReviewStatus, string> = {
  overdue: 'Overdue',
  'due-soon': 'Due soon',
  fine: 'Fine',
};
