/** Markdown tables get a wrapper that scrolls sideways, so the table itself keeps its semantics. */
import { describe, expect, it } from 'vitest';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { rehypeTableScroll } from '../../src/plugins/rehype-table-scroll';

async function render(markdown: string) {
  const processor = await createMarkdownProcessor({ syntaxHighlight: false, rehypePlugins: [rehypeTableScroll] });
  return (await processor.render(markdown)).code;
}

const TABLE = '| Level | Response |\n| --- | --- |\n| P1 | 15 min |\n';

describe('rehypeTableScroll', () => {
  it('wraps a table in a scroll wrapper, keeping the table as it was', async () => {
    const html = await render(TABLE);
    expect(html).toMatch(/^<div class="table-scroll"><table>[\s\S]*<\/table><\/div>$/);
    expect(html).toContain('<th>Level</th>');
  });

  it('wraps tables nested in other blocks (asides, list items) and every table of a page', async () => {
    const html = await render(`${TABLE}\n> ${TABLE.trim().split('\n').join('\n> ')}\n\n- item\n\n  ${TABLE.trim().split('\n').join('\n  ')}\n`);
    expect(html.match(/<div class="table-scroll"><table>/g)).toHaveLength(3);
    expect(html.match(/<table>/g)).toHaveLength(3);
  });

  it('does not wrap a table twice when run again', async () => {
    const processor = await createMarkdownProcessor({ syntaxHighlight: false, rehypePlugins: [rehypeTableScroll, rehypeTableScroll] });
    const html = (await processor.render(TABLE)).code;
    expect(html.match(/table-scroll/g)).toHaveLength(1);
  });

  it('leaves Markdown without tables alone', async () => {
    expect(await render('Just *text*.')).toBe('<p>Just <em>text</em>.</p>');
  });
});
