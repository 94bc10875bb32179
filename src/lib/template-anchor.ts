/** The anchor of a message template on a page: "template-agency-platform-internal-update". */
export function templateAnchor(templateId: string): string {
  return `template-${templateId.replace(/[^a-z0-9]+/gi, '-')}`;
}
