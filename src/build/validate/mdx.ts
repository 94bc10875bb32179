/**
 * An MDX runbook's body as the MDX compiler reads it: whether it parses at all (an unclosed
 * `{expression`, an unfinished `<Component` tag, a broken `import` line stop `astro build` at the
 * first such file), and what it imports and which components it uses with which properties, for the
 * checks in components.ts.
 *
 * Parsed with the parser of `@mdx-js/mdx` (the compiler @astrojs/mdx runs) and `remark-directive`
 * (Starlight's asides: `:::note{.x}` is a directive there, not an expression). Parsing is all that
 * can fail on syntax; compiling to JavaScript would only add time. GFM is left out: it adds no
 * syntax errors and triples the time. A body with no `{`, `}`, `<` and no `import`/`export` line
 * cannot fail and is not parsed. When a body does not parse, its imports and components are read with
 * patterns instead, so that its other mistakes are still reported in the same run.
 */
import { createProcessor } from '@mdx-js/mdx';
import remarkDirective from 'remark-directive';
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

let processor: ReturnType<typeof createProcessor> | undefined;

/** Reads an MDX body; `bodyLine` is the file line it starts on. */
export function scanMdx(body: string, bodyLine: number): MdxScan {
  if (!/[{}<]/.test(body) && !/^(import|export)\b/m.test(body)) return { imports: [], elements: [], defined: new Set() };
  processor ??= createProcessor({ remarkPlugins: [remarkDirective] });
  const toFileLine = (line: number | undefined) => bodyLine + Math.max(1, line ?? 1) - 1;
  let tree: MdastNode;
  try {
    tree = processor.parse(body) as MdastNode;
  } catch (error) {
    const { line, place, reason, message } = error as { line?: number; place?: { start?: { line?: number } }; reason?: string; message?: string };
    let text = reason ?? message ?? String(error);
    // Some messages give the place only in their text, as body lines: "(3:1-3:14)". Say file lines.
    const range = /\s*\((\d+):\d+-(\d+):\d+\)/.exec(text);
    const at = line ?? place?.start?.line ?? (range ? Number(range[1]) : undefined);
    if (range) text = text.replace(range[0], Number(range[1]) === Number(range[2]) ? ` (line ${toFileLine(Number(range[1]))})` : ` (lines ${toFileLine(Number(range[1]))}-${toFileLine(Number(range[2]))})`);
    return { ...scanWithPatterns(body, bodyLine), error: { line: toFileLine(at), message: text } };
  }
  const scan: MdxScan = { imports: [], elements: [], defined: new Set() };
  const visit = (node: MdastNode) => {
    if (node.type === 'mdxjsEsm') {
      for (const statement of node.data?.estree?.body ?? []) {
        if (statement.type === 'ImportDeclaration' && typeof statement.source?.value === 'string') {
          scan.imports.push({
            specifier: statement.source.value,
            names: (statement.specifiers ?? []).map((specifier) => specifier.local.name),
            line: toFileLine(statement.loc?.start.line),
          });
        }
        for (const declaration of statement.declaration?.declarations ?? []) if (declaration.id?.name) scan.defined.add(declaration.id.name);
        if (statement.declaration?.id?.name) scan.defined.add(statement.declaration.id.name);
      }
    }
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name && /^[A-Z]/.test(node.name)) {
      const element: MdxElement = { name: node.name, line: toFileLine(node.position?.start.line), attributes: new Map(), spread: false };
      for (const attribute of node.attributes ?? []) {
        if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) {
          element.spread = true;
          continue;
        }
        const value = attribute.value;
        const literal = typeof value === 'string' ? value : stringLiteral(value?.data?.estree?.body?.[0]?.expression);
        element.attributes.set(attribute.name, { value: literal, line: toFileLine(attribute.position?.start.line) });
      }
      scan.elements.push(element);
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  return scan;
}

function stringLiteral(expression: EstreeNode | undefined): string | undefined {
  if (expression?.type === 'Literal' && typeof expression.value === 'string') return expression.value;
  if (expression?.type === 'TemplateLiteral' && expression.expressions?.length === 0) return expression.quasis?.[0]?.value?.cooked ?? undefined;
  return undefined;
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

/** The parts of mdast and estree nodes read here. */
interface MdastNode {
  type: string;
  name?: string | null;
  position?: { start: { line: number } };
  attributes?: { type: string; name?: string; value?: string | null | { data?: { estree?: { body?: { expression?: EstreeNode }[] } } }; position?: { start: { line: number } } }[];
  data?: { estree?: { body?: EstreeNode[] } };
  children?: MdastNode[];
}

interface EstreeNode {
  type: string;
  value?: unknown;
  loc?: { start: { line: number } };
  source?: { value?: unknown };
  specifiers?: { local: { name: string } }[];
  declaration?: { id?: { name?: string }; declarations?: { id?: { name?: string } }[] };
  expressions?: unknown[];
  quasis?: { value?: { cooked?: string | null } }[];
}
