/**
 * YAML as Astro reads it. Astro's loaders parse data files and frontmatter with js-yaml (YAML 1.2
 * core schema plus timestamps and `<<` merge keys: `2024-01-20` is a date); this reads with the
 * same rules through the `yaml` package, which also keeps where each value sits in the file, so an
 * error can give its line.
 */
import { LineCounter, parseDocument, isMap, isPair, isScalar, type Document } from 'yaml';

export interface YamlText {
  /** The parsed value; `undefined` when the text is not valid YAML. */
  data: unknown;
  /** The first syntax error, with its line (in the whole file). */
  error?: { message: string; line: number };
  /** The line (in the whole file) of the value at `path`, or of the key itself with `key: true`. */
  lineOf(path: readonly PropertyKey[], options?: { key?: boolean }): number | undefined;
  /**
   * The text of the plain value at `path` exactly as written (`2025-13-45`), before the reader turned
   * it into a Date or a number; `undefined` for a mapping, a list or a missing value.
   */
  sourceAt(path: readonly PropertyKey[]): string | undefined;
}

/** Parses YAML; `firstLine` is the file line the text starts on (frontmatter starts on line 2). */
export function readYaml(text: string, firstLine = 1): YamlText {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, schema: 'core', customTags: ['timestamp'], merge: true, prettyErrors: false });
  const toLine = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  const lineOf: YamlText['lineOf'] = (path, options) => {
    try {
      const node = options?.key ? keyNode(doc, path) : doc.getIn(path as unknown[], true);
      const range = (node as { range?: [number, number, number] } | undefined)?.range;
      return range ? toLine(range[0]) : undefined;
    } catch {
      return undefined;
    }
  };
  const sourceAt: YamlText['sourceAt'] = (path) => {
    try {
      const node = doc.getIn(path as unknown[], true);
      return isScalar(node) && node.range ? text.slice(node.range[0], node.range[1]) : undefined;
    } catch {
      return undefined;
    }
  };
  if (doc.errors.length) {
    const [error] = doc.errors;
    return { data: undefined, error: { message: error.message.split('\n')[0], line: toLine(error.pos[0]) }, lineOf, sourceAt };
  }
  return { data: doc.toJS(), lineOf, sourceAt };
}

function keyNode(doc: Document, path: readonly PropertyKey[]): unknown {
  const parent = path.length > 1 ? doc.getIn(path.slice(0, -1) as unknown[], true) : doc.contents;
  if (!isMap(parent)) return undefined;
  const name = path[path.length - 1];
  const pair = parent.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === name);
  return pair?.key;
}
