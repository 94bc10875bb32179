/**
 * A small element builder for the incident tools' plain-DOM UI: text goes in as text nodes, never as
 * HTML, so nothing a reader typed (an incident title, a note) can become markup.
 */
type Child = Node | string | number | false | null | undefined;
type Props = Record<string, string | number | boolean | ((event: Event) => void) | undefined | null>;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (/^(inner|outer)html$/i.test(name)) throw new Error(`el(): "${name}" would parse HTML; pass text or elements as children`);
    if (value === undefined || value === null || value === false) continue;
    if (typeof value === 'function') element.addEventListener(name.replace(/^on/, '').toLowerCase(), value);
    else if (name === 'class') element.className = String(value);
    else if (name in element && typeof (element as never)[name] !== 'function' && !name.includes('-')) (element as unknown as Record<string, unknown>)[name] = value;
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

/** Replaces an element's children with text and elements. */
export function fill(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}
