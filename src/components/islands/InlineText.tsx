/**
 * A scale's text with its inline Markdown (code, emphasis, links) as elements, from tokens made at
 * build time by src/lib/inline-markdown.ts (the same tokenizer as the rest of the site; link targets
 * already checked there). Everything is rendered as text nodes: nothing is ever parsed as HTML.
 */
import type { ComponentChild } from 'preact';
import type { InlineToken } from '../../lib/inline-markdown';

function render(token: InlineToken, key: number): ComponentChild {
  switch (token.type) {
    case 'code': return <code key={key}>{token.text}</code>;
    case 'em': return <em key={key}>{token.children.map(render)}</em>;
    case 'strong': return <strong key={key}>{token.children.map(render)}</strong>;
    case 'link': return <a key={key} href={token.href}>{token.children.map(render)}</a>;
    default: return token.text;
  }
}

/** `text` as written, or its tokens when `rich` has them. */
export default function InlineText({ text, rich }: { text: string; rich?: Record<string, InlineToken[]> }) {
  const tokens = rich?.[text];
  return <>{tokens ? tokens.map(render) : text}</>;
}
