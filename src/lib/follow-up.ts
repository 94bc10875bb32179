/** Follow-ups: a timeline note whose text starts with "TODO:" (after trimming, any case). */
export function isFollowUp(text: string): boolean {
  return /^todo:/i.test(text.trim());
}

/** The follow-up without its "TODO:" prefix. */
export function followUpText(text: string): string {
  return text.trim().replace(/^todo:\s*/i, '');
}
