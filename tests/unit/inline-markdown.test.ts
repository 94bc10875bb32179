/**
 * Inline Markdown from YAML: code spans, emphasis, strong, links; raw HTML and unsafe link targets
 * stay text; contact mode adds phone, e-mail and placeholder tokens outside code and links.
 */
import { describe, expect, it } from 'vitest';
import { inlineText, isSafeHref, parseInline, plainInline, type InlineToken } from '../../src/lib/inline-markdown';

const text = (t: string): InlineToken => ({ type: 'text', text: t });
const code = (t: string): InlineToken => ({ type: 'code', text: t });

describe('parseInline: code spans', () => {
  it('turns backtick spans into code, text around them into text', () => {
    expect(parseInline('`curl -I https://agency-platform.com/` fails with a certificate error')).toEqual([
      code('curl -I https://agency-platform.com/'),
      text(' fails with a certificate error'),
    ]);
    expect(parseInline('Created with `/incident create [title]` when declared')).toEqual([
      text('Created with '), code('/incident create [title]'), text(' when declared'),
    ]);
  });

  it('reads double-backtick spans, which can hold a backtick, and strips one space each side', () => {
    expect(parseInline('``a ` b``')).toEqual([code('a ` b')]);
    expect(parseInline('`` `x` ``')).toEqual([code('`x`')]);
    expect(parseInline('` a `')).toEqual([code('a')]);
    expect(parseInline('`  `')).toEqual([code('  ')]);
  });

  it('joins a span folded over lines, as YAML folding may leave it', () => {
    expect(parseInline('`sudo systemctl status\nphp8.3-fpm` shows')).toEqual([code('sudo systemctl status php8.3-fpm'), text(' shows')]);
  });

  it('leaves an unclosed or mismatched run as text', () => {
    expect(parseInline('a ` b')).toEqual([text('a ` b')]);
    expect(parseInline('``a` b')).toEqual([text('``a` b')]);
  });

  it('takes nothing inside code as Markdown or HTML', () => {
    expect(parseInline('`*not em* [x](/y) <b>`')).toEqual([code('*not em* [x](/y) <b>')]);
    expect(parseInline('`grep -E "auth|login"` and `a\\`')).toEqual([code('grep -E "auth|login"'), text(' and '), code('a\\')]);
  });
});

describe('parseInline: emphasis and strong', () => {
  it('reads *em*, _em_, **strong** and nesting', () => {
    expect(parseInline('a *b* c')).toEqual([text('a '), { type: 'em', children: [text('b')] }, text(' c')]);
    expect(parseInline('_b_')).toEqual([{ type: 'em', children: [text('b')] }]);
    expect(parseInline('**b**')).toEqual([{ type: 'strong', children: [text('b')] }]);
    expect(parseInline('**a *b* `c`**')).toEqual([
      { type: 'strong', children: [text('a '), { type: 'em', children: [text('b')] }, text(' '), code('c')] },
    ]);
    expect(parseInline('***both***')).toEqual([{ type: 'em', children: [{ type: 'strong', children: [text('both')] }] }]);
    expect(parseInline('*a **b** c*')).toEqual([{ type: 'em', children: [text('a '), { type: 'strong', children: [text('b')] }, text(' c')] }]);
    expect(parseInline('**a*')).toEqual([text('*'), { type: 'em', children: [text('a')] }]);
    expect(parseInline('*a* and _b_ and **c**.')).toEqual([
      { type: 'em', children: [text('a')] }, text(' and '), { type: 'em', children: [text('b')] }, text(' and '), { type: 'strong', children: [text('c')] }, text('.'),
    ]);
  });

  it('leaves underscores inside words and lone stars alone', () => {
    expect(plainInline('verify XERO_CLIENT_ID and enable USE_FALLBACK')).toBe('verify XERO_CLIENT_ID and enable USE_FALLBACK');
    expect(parseInline('verify XERO_CLIENT_ID and enable USE_FALLBACK')).toEqual([text('verify XERO_CLIENT_ID and enable USE_FALLBACK')]);
    expect(parseInline('5 * 3 * 2')).toEqual([text('5 * 3 * 2')]);
    expect(parseInline('*open only')).toEqual([text('*open only')]);
    expect(parseInline('snake_case_name')).toEqual([text('snake_case_name')]);
  });

  it('honours backslash escapes', () => {
    expect(parseInline('\\*not em\\* and \\`not code\\`')).toEqual([text('*not em* and `not code`')]);
  });
});

describe('parseInline: links', () => {
  it('keeps http(s), mailto, tel, site-relative and fragment links', () => {
    for (const href of ['https://status.example.com/', 'http://x.example', 'mailto:a@b.example', 'tel:+442079460000', '/agency-platform/severity/', '#level-p1']) {
      expect(parseInline(`see [here](${href}).`), href).toEqual([text('see '), { type: 'link', href, children: [text('here')] }, text('.')]);
    }
  });

  it('reads Markdown inside the label and balanced parentheses in the target', () => {
    expect(parseInline('[`php artisan` *docs*](https://en.wikipedia.org/wiki/Foo_(bar))')).toEqual([
      { type: 'link', href: 'https://en.wikipedia.org/wiki/Foo_(bar)', children: [code('php artisan'), text(' '), { type: 'em', children: [text('docs')] }] },
    ]);
  });

  it('keeps javascript:, data:, protocol-relative and other targets as the text the author wrote', () => {
    for (const source of ['[click](javascript:alert(1))', '[x](data:text/html,hi)', '[x](//evil.example/)', '[x](/\\evil.example)', '[x](vbscript:msgbox)', '[x](JaVaScRiPt:alert(1))']) {
      const tokens = parseInline(source);
      expect(tokens.some((t) => t.type === 'link'), source).toBe(false);
      expect(inlineText(tokens), source).toBe(source);
    }
    expect(isSafeHref('javascript:alert(1)')).toBe(false);
    expect(isSafeHref(' https://x')).toBe(false);
  });

  it('does not treat brackets without a target as a link', () => {
    expect(parseInline('[Name] and [ ] and SQLSTATE[HY000]')).toEqual([text('[Name] and [ ] and SQLSTATE[HY000]')]);
    expect(parseInline('[a] (b)')).toEqual([text('[a] (b)')]);
  });
});

describe('parseInline: raw HTML is text', () => {
  it('returns HTML tags as characters, never as markup', () => {
    expect(parseInline('<b>bold</b> <script>alert(1)</script>')).toEqual([text('<b>bold</b> <script>alert(1)</script>')]);
    expect(parseInline('<img src=x onerror=alert(1)> *x*')).toEqual([text('<img src=x onerror=alert(1)> '), { type: 'em', children: [text('x')] }]);
    expect(parseInline('[<b>x</b>](/a/)')).toEqual([{ type: 'link', href: '/a/', children: [text('<b>x</b>')] }]);
  });
});

describe('parseInline: contacts', () => {
  it('links phone numbers and e-mail addresses and marks placeholders, outside code only', () => {
    expect(parseInline('Phone +44 20 7946 0000 / Email [Email]', { contacts: true })).toEqual([
      text('Phone '),
      { type: 'phone', text: '+44 20 7946 0000', href: 'tel:+442079460000' },
      text(' / Email '),
      { type: 'placeholder', text: '[Email]', label: 'Email' },
    ]);
    expect(parseInline('**oncall@example.com** or `call 0800 123 456`', { contacts: true })).toEqual([
      { type: 'strong', children: [{ type: 'email', text: 'oncall@example.com', href: 'mailto:oncall@example.com' }] },
      text(' or '),
      code('call 0800 123 456'),
    ]);
  });

  it('leaves text alone without the option', () => {
    expect(parseInline('Phone +44 20 7946 0000 [Name]')).toEqual([text('Phone +44 20 7946 0000 [Name]')]);
  });
});
