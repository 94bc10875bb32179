/**
 * Frontmatter as Astro finds it: a block between two `---` lines at the top of a Markdown or MDX
 * file, after an optional byte-order mark or blank lines (the pattern of Astro's own
 * `parseFrontmatter`), read as YAML (see yaml.ts).
 */
import { readYaml, type YamlText } from './yaml';

const FRONTMATTER = /^(\uFEFF?|\s*\n)---\r?\n([\s\S]*?\n)?---[ \t]*(?:\r?\n|$)/;

export interface Frontmatter {
  /** The frontmatter's YAML, with lines numbered as in the file. */
  yaml: YamlText;
  /** Everything after the closing `---`. */
  body: string;
  /** The file line the body starts on. */
  bodyLine: number;
}

/** The frontmatter of a Markdown file, or `undefined` when it has none. */
export function readFrontmatter(source: string): Frontmatter | undefined {
  const match = FRONTMATTER.exec(source);
  if (!match) return undefined;
  const before = match[1].split('\n').length - 1;
  const yamlText = match[2] ?? '';
  return {
    yaml: readYaml(yamlText, before + 2),
    body: source.slice(match[0].length),
    bodyLine: before + 3 + (yamlText.match(/\n/g)?.length ?? 0),
  };
}

/**
 * Splits a message template into its fields and its body (blank lines before it and trailing space
 * dropped); throws with the reason when it cannot.
 */
export function splitFrontmatter(source: string): { data: Record<string, unknown>; body: string } {
  const found = readFrontmatter(source);
  if (!found) throw new Error('expected YAML frontmatter between two "---" lines at the top of the file');
  if (found.yaml.error) throw new Error(`${found.yaml.error.message} (line ${found.yaml.error.line})`);
  const data = found.yaml.data ?? {};
  if (typeof data !== 'object' || Array.isArray(data) || data instanceof Date) throw new Error('the frontmatter must be a YAML mapping of fields');
  return { data: data as Record<string, unknown>, body: found.body.replace(/^\s*\n/, '').replace(/\s+$/, '') };
}
