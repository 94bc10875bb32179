/** Markdown tables get a wrapper that scrolls sideways, so the table itself keeps its semantics. */
import { describe, expect, it } from 'vitest';
import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { tableScroll } from '../../src/plugins/table-scroll';

/** Through Astro's Sätteri processor, the one the site uses; Sätteri ends blocks with a newline. */
async function render(markdown: string) {
  const processor = await createSatteriMarkdownProcessor({ syntaxHighlight: false, hastPlugins: [tableScroll()] });
  return (await processor.render(markdown)).code.trim();
}

const TABLE = '| Level | Response |\n| --- | --- |\n| P1 | 15 min |\n';

describe('tableScroll', () => {
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
    const processor = await createSatteriMarkdownProcessor({ syntaxHighlight: false, hastPlugins: [tableScroll(), tableScroll()] });
    const html = (await processor.render(TABLE)).code;
    expect(html.match(/table-scroll/g)).toHaveLength(1);
  });

  it('leaves Markdown without tables alone', async () => {
    expect(await render('Just *text*.')).toBe('<p>Just <em>text</em>.</p>');
  });
});

describe('tableScroll in MDX (the runbooks)', () => {
  it('wraps tables of the page but leaves those inside MDX components alone, as the site always has', async () => {
    const { mdxToJs } = await import('satteri');
    const { code } = await mdxToJs(`${TABLE}\n<Tabs>\n\n${TABLE}\n</Tabs>\n`, { hastPlugins: [tableScroll()] });
    expect(code.match(/table-scroll/g)).toHaveLength(1);
    const plain = (await mdxToJs(`${TABLE}\n${TABLE}`, { hastPlugins: [tableScroll()] })).code;
    expect(plain.match(/table-scroll/g)).toHaveLength(2);
  });
});
