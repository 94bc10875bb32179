/**
 * The site's one hast plugin: the checklist and table-scroll transforms in one Sätteri pass give
 * the very HTML the two plugins give one after the other, a table inside a task list included; a
 * file outside the runbooks gets its tables wrapped and no checklists.
 */
import { describe, expect, it } from 'vitest';
import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import type { HastPluginEntry } from 'satteri';
import { checklists } from '../../src/plugins/checklists';
import { handbookMarkdown } from '../../src/plugins/handbook-markdown';
import { tableScroll } from '../../src/plugins/table-scroll';

const DOCS = '/site/content/docs';
const TABLE = '| A | B |\n| --- | --- |\n| 1 | 2 |\n';
const MARKDOWN = [
  '## Check',
  '',
  '- [ ] First step',
  '- [x] Second step',
  '',
  TABLE,
  '## Loose list with a table in an item',
  '',
  '- [ ] Compare these',
  '',
  '  ' + TABLE.trim().split('\n').join('\n  '),
  '',
  '- [ ] Then this',
  '',
  '- plain list item',
  '',
].join('\n');

async function render(hastPlugins: HastPluginEntry[], path: string) {
  const processor = await createSatteriMarkdownProcessor({ syntaxHighlight: false, hastPlugins });
  const { code } = await processor.render(MARKDOWN, { fileURL: new URL(`file://${path}`), frontmatter: { title: 'Verify' } });
  return code;
}

describe('handbookMarkdown', () => {
  it('gives a runbook what checklists() then tableScroll() give', async () => {
    const path = `${DOCS}/demo/process/verify.md`;
    const merged = await render([handbookMarkdown({ docsDir: DOCS })], path);
    expect(merged).toBe(await render([checklists({ docsDir: DOCS }), tableScroll()], path));
    expect(merged.match(/<div class="table-scroll">/g)).toHaveLength(2);
    expect(merged.match(/<section class="checklist"/g)).toHaveLength(2);
    expect(merged).toContain('data-checklist-page');
    // The table in the task list is wrapped once, inside its item.
    expect(merged).toMatch(/<li class="task-list-item">[\s\S]*?<div class="table-scroll"><table>[\s\S]*?<\/li>/);
  });

  it('wraps the tables of a file outside the runbooks, and makes no checklists there', async () => {
    const path = '/site/content/templates/demo/update.md';
    const merged = await render([handbookMarkdown({ docsDir: DOCS })], path);
    expect(merged).toBe(await render([tableScroll()], path));
    expect(merged.match(/<div class="table-scroll">/g)).toHaveLength(2);
    expect(merged).not.toContain('checklist');
  });
});
