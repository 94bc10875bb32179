/**
 * An MDX runbook's body as the MDX compiler reads it: whether it parses at all (an unclosed
 * `{expression`, an unfinished `<Component` tag, a broken `import` line stop `astro build` at the
 * first such file), and what it imports and which components it uses with which properties, for the
 * checks in components.ts.
 *
 * Parsed with Sätteri, the compiler that builds the runbooks (Astro's default Markdown and MDX
 * processor), with the features the build turns on (GFM, and the directives of Starlight's asides:
 * `:::note{.x}` is a directive, not an expression), so the syntax errors reported here are the
 * build's own. Its parser reads JSX and `{expressions}` but keeps `import`/`export` blocks as text:
 * those are parsed with oxc (Vite's `parseSync`), which the compiler uses for them too. A body with no
 * `{`, `}`, `<` and no `import`/`export` line cannot fail and is not parsed. When a body does not
 * parse, its imports and components are read with patterns instead, so that its other mistakes are
 * still reported in the same run.
 */
import { mdxToMdast } from 'satteri';
import { parseSync } from 'vite';
import { blankOutCode } from './links';

export interface MdxImport {
  /** As written: "~/components/content/SiteNote.astro". */
  specifier: string;
  /** The names it binds in the file (default and named). */
  names: string[];
  /** File line. */
  line: number;
}

export interface MdxAttribute {
  /** The value when it is a string literal (`handbook="x"`, `handbook={'x'}`); `undefined` for an expression or no value. */
  value: string | undefined;
  line: number;
}

export interface MdxElement {
  /** "SeverityScale"; member names ("Icons.Star") as written. */
  name: string;
  line: number;
  attributes: Map<string, MdxAttribute>;
  /** Has a `{...spread}`: any property may come from it. */
  spread: boolean;
}

export interface MdxScan {
  /** The compiler's own message and the file line, when the body does not parse. */
  error?: { line: number; message: string };
  imports: MdxImport[];
  /** Capitalised JSX elements (components), in order. */
  elements: MdxElement[];
  /** Names the file defines itself (`export const Note = ...`). */
  defined: Set<string>;
}

/** The build's features (Astro's Sätteri processor with Starlight's asides); smart punctuation changes no syntax. */
const FEATURES = { gfm: true, directive: true } as const;

/** Reads an MDX body; `bodyLine` is the file line it starts on. */
export function scanMdx(body: string, bodyLine: number): MdxScan {
  if (!/[{}<]/.test(body) && !/^(import|export)\b/m.test(body)) return { imports: [], elements: [], defined: new Set() };
  const lines = lineStarts(body);
  const toFileLine = (line: number | undefined) => bodyLine + Math.max(1, line ?? 1) - 1;
  const failed = (line: number | undefined, message: string): MdxScan => ({ ...scanWithPatterns(body, bodyLine), error: { line: toFileLine(line), message } });
  let tree: MdastNode;
  try {
    tree = mdxToMdast(body, { features: FEATURES }) as MdastNode;
  } catch (error) {
    // "3:10: Unexpected end of file in expression, ... (mdx-jsx:unexpected-character)": the place is in body lines.
    const text = String((error as { message?: string }).message ?? error);
    const place = /^(\d+):\d+:\s*/.exec(text);
    return failed(place ? Number(place[1]) : undefined, compilerMessage(text.slice(place?.[0].length ?? 0), toFileLine));
  }
  const scan: MdxScan = { imports: [], elements: [], defined: new Set() };
  const esm: MdastNode[] = [];
  const visit = (node: MdastNode) => {
    if (node.type === 'mdxjsEsm') esm.push(node);
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name && /^[A-Z]/.test(node.name)) {
      const start = node.position?.start.offset ?? 0;
      const element: MdxElement = { name: node.name, line: toFileLine(lineOfOffset(lines, start)), attributes: new Map(), spread: false };
      // Attributes carry no place of their own: each is found in the tag's text, after the one before it.
      const tag = body.slice(start, node.position?.end.offset ?? body.length);
      let cursor = 1 + node.name.length;
      for (const attribute of node.attributes ?? []) {
        if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) {
          element.spread = true;
          continue;
        }
        const value = attribute.value;
        const at = attributeIndex(tag, attribute.name, cursor);
        cursor = at + attribute.name.length + (typeof value === 'string' ? value.length : (value?.value?.length ?? 0));
        const literal = typeof value === 'string' ? value : stringLiteral(value?.value);
        element.attributes.set(attribute.name, { value: literal, line: toFileLine(lineOfOffset(lines, start + at)) });
      }
      scan.elements.push(element);
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);

  for (const node of esm) {
    const start = node.position?.start.offset ?? 0;
    const { program, errors } = parseSync('esm.mjs', node.value ?? '', { sourceType: 'module', lang: 'js' });
    const lineOf = (offset: number | undefined) => lineOfOffset(lines, start + (offset ?? 0));
    if (errors.length) {
      const [first] = errors;
      return failed(lineOf(first.labels?.[0]?.start), `${first.message} in an \`import\` or \`export\` line`);
    }
    for (const statement of program.body as EstreeNode[]) {
      if (statement.type === 'ImportDeclaration' && typeof statement.source?.value === 'string') {
        scan.imports.push({
          specifier: statement.source.value,
          names: (statement.specifiers ?? []).map((specifier) => specifier.local.name),
          line: toFileLine(lineOf(statement.start)),
        });
      }
      for (const declaration of statement.declaration?.declarations ?? []) if (declaration.id?.name) scan.defined.add(declaration.id.name);
      if (statement.declaration?.id?.name) scan.defined.add(statement.declaration.id.name);
    }
  }
  return scan;
}

/**
 * The compiler's message in the author's terms: without the rule id ("(mdx-jsx:unexpected-character)")
 * and the parser's name, and with file lines for the body places it names ("(3:1)").
 */
function compilerMessage(text: string, toFileLine: (line: number) => number): string {
  return text
    .replace(/\s*\([\w-]+:[\w-]+\)\s*$/, '')
    .replace(/ with oxc:/g, ':')
    .replace(/\((\d+):\d+(?:-(\d+):\d+)?\)/g, (_, from: string, to?: string) =>
      to !== undefined && to !== from ? `(lines ${toFileLine(Number(from))}-${toFileLine(Number(to))})` : `(line ${toFileLine(Number(from))})`);
}

/** Where an attribute's name starts in a tag's text, searching from `from` (0 when not found). */
function attributeIndex(tag: string, name: string, from: number): number {
  const pattern = new RegExp(`(?<=[\\s}"'])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=[\\s=/>]|$)`, 'g');
  pattern.lastIndex = from;
  return pattern.exec(tag)?.index ?? 0;
}

/** The offset each line of a text starts at. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The 1-based line of an offset. */
function lineOfOffset(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle] <= offset) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}

/** The value of an attribute expression that is a plain string: `{'x'}`, `{"x"}`, `` {`x`} ``. */
function stringLiteral(expression: string | undefined): string | undefined {
  const match = /^\s*(?:'([^'\\\n]*)'|"([^"\\\n]*)"|`([^`\\$]*)`)\s*$/.exec(expression ?? '');
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

/**
 * Imports and components of a body the compiler cannot read, found with patterns over the text
 * (code blocks and comments left out): enough to check paths and properties in the same run.
 */
export function scanWithPatterns(body: string, bodyLine: number): MdxScan {
  const text = blankOutCode(body);
  const lineAt = (index: number) => bodyLine + (text.slice(0, index).match(/\n/g)?.length ?? 0);
  const scan: MdxScan = { imports: [], elements: [], defined: new Set() };
  for (const match of text.matchAll(/^import\s+([\s\S]*?)\s*from\s*(["'])([^"'\n]+)\2/gm)) {
    const names = [...match[1].replace(/\bas\s+/g, 'as ').matchAll(/(?:\bas\s+)?([A-Za-z_$][\w$]*)(?=\s*(?:,|}|$))/g)].map((m) => m[1]);
    scan.imports.push({ specifier: match[3], names, line: lineAt(match.index) });
  }
  for (const match of text.matchAll(/^export\s+(?:const|let|var|function)\s+([A-Za-z_$][\w$]*)/gm)) scan.defined.add(match[1]);
  for (const match of text.matchAll(/<([A-Z][\w.]*)((?:\s+[^<>]*?)?)\s*\/?>/g)) {
    const element: MdxElement = { name: match[1], line: lineAt(match.index), attributes: new Map(), spread: /\{\s*\.\.\./.test(match[2]) };
    const start = match.index + 1 + match[1].length;
    for (const attribute of match[2].matchAll(/([A-Za-z_][\w:-]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|\{\s*(["'`])([^"'`]*)\4\s*\}|\{[^}]*\}))?/g)) {
      element.attributes.set(attribute[1], { value: attribute[2] ?? attribute[3] ?? attribute[5], line: lineAt(start + attribute.index) });
    }
    scan.elements.push(element);
  }
  return scan;
}

/** The parts of Sätteri's mdast and of oxc's estree read here. */
interface MdastNode {
  type: string;
  name?: string | null;
  /** The ESM text of an `mdxjsEsm` node. */
  value?: string;
  position?: { start: { line: number; offset?: number }; end: { line: number; offset?: number } };
  attributes?: { type: string; name?: string; value?: string | null | { value?: string } }[];
  children?: MdastNode[];
}

interface EstreeNode {
  type: string;
  start?: number;
  source?: { value?: unknown };
  specifiers?: { local: { name: string } }[];
  declaration?: { id?: { name?: string }; declarations?: { id?: { name?: string } }[] };
}
