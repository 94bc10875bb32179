/** splitFrontmatter: a template file's YAML frontmatter and body, or the reason it cannot be read; readFrontmatter's lines. */
import { describe, expect, it } from 'vitest';
import { readFrontmatter, splitFrontmatter } from '../../src/build/frontmatter';

describe('splitFrontmatter', () => {
  it('parses the frontmatter as YAML and returns the body', () => {
    const { data, body } = splitFrontmatter('---\nhandbook: demo\ntitle: Update\nfields:\n  - id: summary\n    label: Summary\n---\n[{{severity}}] {{summary}}\n');
    expect(data).toEqual({ handbook: 'demo', title: 'Update', fields: [{ id: 'summary', label: 'Summary' }] });
    expect(body).toBe('[{{severity}}] {{summary}}');
  });

  it('drops blank lines before the body and trailing whitespace, keeping inner lines and indentation', () => {
    const { body } = splitFrontmatter('---\ntitle: x\n---\n\n\nLine 1\n\n  Line 2\n\n\n');
    expect(body).toBe('Line 1\n\n  Line 2');
  });

  it('keeps a later "---" (a horizontal rule) in the body', () => {
    const { data, body } = splitFrontmatter('---\ntitle: x\n---\nAbove\n---\nBelow');
    expect(data).toEqual({ title: 'x' });
    expect(body).toBe('Above\n---\nBelow');
  });

  it('reads Windows line endings', () => {
    const { data, body } = splitFrontmatter('---\r\nhandbook: demo\r\ntitle: Update\r\n---\r\nHello {{name}}\r\n');
    expect(data).toEqual({ handbook: 'demo', title: 'Update' });
    expect(body).toBe('Hello {{name}}');
  });

  it('returns an empty body when there is nothing below the frontmatter', () => {
    expect(splitFrontmatter('---\ntitle: x\n---\n')).toEqual({ data: { title: 'x' }, body: '' });
    expect(splitFrontmatter('---\ntitle: x\n---')).toEqual({ data: { title: 'x' }, body: '' });
  });

  it('reads an empty frontmatter block as no fields', () => {
    expect(splitFrontmatter('---\n\n---\nBody')).toEqual({ data: {}, body: 'Body' });
  });

  it('throws, explaining what is expected, when the file has no frontmatter', () => {
    expect(() => splitFrontmatter('Just a body {{x}}')).toThrow('expected YAML frontmatter between two "---" lines at the top of the file');
    expect(() => splitFrontmatter('')).toThrow('expected YAML frontmatter between two "---" lines');
    // Frontmatter must be at the very top.
    expect(() => splitFrontmatter('Intro\n---\ntitle: x\n---\nBody')).toThrow('expected YAML frontmatter');
    // An opening line without a closing one.
    expect(() => splitFrontmatter('---\ntitle: x\nBody')).toThrow('expected YAML frontmatter');
  });

  it('throws when the frontmatter is a YAML list, not a mapping', () => {
    expect(() => splitFrontmatter('---\n- handbook\n- title\n---\nBody')).toThrow('the frontmatter must be a YAML mapping of fields');
  });

  it('throws when the frontmatter is a single scalar, not a mapping', () => {
    expect(() => splitFrontmatter('---\njust some words\n---\nBody')).toThrow('the frontmatter must be a YAML mapping of fields');
    expect(() => splitFrontmatter('---\n42\n---\nBody')).toThrow('the frontmatter must be a YAML mapping of fields');
  });

  it('throws a YAML syntax error with its own message and its line in the file', () => {
    expect(() => splitFrontmatter('---\ntitle: x\nfields: [unclosed\n---\nBody')).toThrow(/Flow sequence .*\(line 4\)/);
  });

  it('reads dates as dates, as Astro does', () => {
    expect(splitFrontmatter('---\nlastReviewed: 2024-01-20\n---\nBody').data.lastReviewed).toEqual(new Date('2024-01-20'));
  });
});

describe('readFrontmatter', () => {
  it('finds frontmatter after blank lines, as Astro does, and numbers lines as in the file', () => {
    const found = readFrontmatter('\n\n---\ntitle: x\nowner: y\n---\nBody line\n');
    expect(found?.yaml.data).toEqual({ title: 'x', owner: 'y' });
    expect(found?.yaml.lineOf(['owner'])).toBe(5);
    expect(found?.yaml.lineOf(['owner'], { key: true })).toBe(5);
    expect(found?.bodyLine).toBe(7);
    expect(found?.body).toBe('Body line\n');
  });

  it('returns nothing for a file without frontmatter', () => {
    expect(readFrontmatter('# Title\n\nText')).toBeUndefined();
  });
});
