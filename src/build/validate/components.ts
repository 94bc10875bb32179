/**
 * The MDX side of a runbook, checked before anything renders: the body compiles, every import of a
 * file (`~/...`, `./...`) reaches one, every component used is imported, and the properties of our
 * content components name content that exists (`handbook="..."` a handbook, `id="..."` of
 * <MessageTemplate> a template). Each mistake names the file and line, with a "did you mean".
 * Otherwise the build renders pages until the first component throws, and reports that one only.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { closest, oneOf, type ContentIndex } from '../../schemas/context';
import { scanMdx } from './mdx';
import type { Problem } from './problem';

export interface MdxPage {
  /** The file as reports name it. */
  path: string;
  /** Absolute path (relative imports start from its folder). */
  file: string;
  body: string;
  bodyLine: number;
}

export interface ComponentContext {
  /** The project folder: `~/` is its src/ (tsconfig.json, "paths"). */
  root: string;
  index: ContentIndex;
  /** Message template ids ("demo/update"). */
  templates: ReadonlySet<string>;
}

/** Which properties of our content components (src/components/content/) name content, and what content. */
const CONTENT_PROPS: Record<string, { prop: string; kind: 'handbook' | 'template'; required: boolean }[]> = {
  SeverityScale: [{ prop: 'handbook', kind: 'handbook', required: true }],
  EscalationPolicy: [{ prop: 'handbook', kind: 'handbook', required: true }],
  Contacts: [{ prop: 'handbook', kind: 'handbook', required: true }],
  TemplateList: [{ prop: 'handbook', kind: 'handbook', required: true }],
  DrillList: [{ prop: 'handbook', kind: 'handbook', required: true }],
  OnboardingPath: [{ prop: 'handbook', kind: 'handbook', required: true }],
  Classifier: [{ prop: 'handbook', kind: 'handbook', required: true }],
  ScenarioRouter: [{ prop: 'handbook', kind: 'handbook', required: true }],
  LevelBadge: [{ prop: 'handbook', kind: 'handbook', required: true }],
  SiteNote: [{ prop: 'handbook', kind: 'handbook', required: false }],
  MessageTemplate: [{ prop: 'id', kind: 'template', required: true }],
};

/** How Vite finds a file imported without its extension, in order. */
const EXTENSIONS = ['.mjs', '.js', '.mts', '.ts', '.jsx', '.tsx', '.json'];

export function findMdxProblems(pages: readonly MdxPage[], context: ComponentContext): Problem[] {
  const listings = new Map<string, string[] | undefined>();
  const list = (dir: string) => {
    if (!listings.has(dir)) listings.set(dir, existsSync(dir) && statSync(dir).isDirectory() ? readdirSync(dir) : undefined);
    return listings.get(dir);
  };
  const contentComponents = join(context.root, 'src', 'components', 'content');
  const problems: Problem[] = [];
  for (const page of pages) {
    const scan = scanMdx(page.body, page.bodyLine);
    const report = (line: number, message: string) => problems.push({ file: page.path, path: ['body'], line, message });
    if (scan.error) report(scan.error.line, `The MDX does not compile: ${scan.error.message}${syntaxHint(scan.error.message)}`);

    // Each imported name, with the file it comes from (undefined when that is not a file of ours or not found).
    const imported = new Map<string, string | undefined>();
    for (const { specifier, names, line } of scan.imports) {
      const target = localPath(specifier, page.file, context.root);
      const found = target === undefined ? undefined : resolveImport(target);
      for (const name of names) imported.set(name, found);
      if (target === undefined || found !== undefined) continue;
      report(line, missingImportMessage(specifier, target, context.root, list));
    }

    for (const element of scan.elements) {
      if (element.name.includes('.')) continue;
      const name = element.name;
      if (!imported.has(name) && !scan.defined.has(name)) {
        const ours = existsSync(join(contentComponents, `${name}.astro`));
        report(element.line, `\`<${name}>\` is used but not imported: ` + (ours
          ? `add \`${importLine(name)}\` below the frontmatter`
          : `import it below the frontmatter${suggestComponent(name, list(contentComponents))}`));
        continue;
      }
      const file = imported.get(name);
      if (file === undefined || dirname(file) !== contentComponents) continue;
      for (const rule of CONTENT_PROPS[basename(file).replace(/\.astro$/, '')] ?? []) {
        const attribute = element.attributes.get(rule.prop);
        if (!attribute) {
          if (rule.required && !element.spread) report(element.line, `\`<${name}>\` needs \`${rule.prop}="..."\`: ${expectedOf(rule.kind, context)}`);
          continue;
        }
        if (attribute.value === undefined) continue; // an expression: its value is known only when rendered
        const problem = rule.kind === 'handbook' ? unknownHandbook(attribute.value, context) : unknownTemplate(attribute.value, context);
        if (problem) report(attribute.line, `\`<${name} ${rule.prop}="${attribute.value}">\`: ${problem}`);
      }
    }
  }
  return problems;
}

/** The line that imports one of our content components (built in two parts, so it does not read as an import of this file). */
function importLine(name: string): string {
  return ['import', name, 'from', `'~/components/content/${name}.astro';`].join(' ');
}

/** The file an import points at, for `~/` and relative imports; `undefined` for packages. */
function localPath(specifier: string, from: string, root: string): string | undefined {
  const path = specifier.split('?')[0];
  if (path.startsWith('~/')) return join(root, 'src', path.slice(2));
  if (path.startsWith('./') || path.startsWith('../')) return join(dirname(from), path);
  return undefined;
}

/** The file Vite would load for a path: as written, with an extension added, or a folder's index. */
function resolveImport(path: string): string | undefined {
  const isFile = (candidate: string) => existsSync(candidate) && statSync(candidate).isFile();
  if (isFile(path)) return path;
  for (const extension of EXTENSIONS) if (isFile(path + extension)) return path + extension;
  for (const extension of EXTENSIONS) if (isFile(join(path, `index${extension}`))) return join(path, `index${extension}`);
  return undefined;
}

function missingImportMessage(specifier: string, target: string, root: string, list: (dir: string) => string[] | undefined): string {
  const shown = relative(root, target).split(sep).join('/');
  const dir = dirname(target);
  const files = list(dir);
  if (!files) return `Cannot import \`${specifier}\`: there is no folder ${relative(root, dir).split(sep).join('/')}/`;
  const name = basename(target);
  const guess = closest(name, files) ?? closest(name.replace(/\.[^.]+$/, ''), files.map((file) => file.replace(/\.[^.]+$/, '')));
  const file = guess === undefined ? undefined : files.find((f) => f === guess || f.replace(/\.[^.]+$/, '') === guess);
  const suggestion = file === undefined ? '' : `. Did you mean \`${specifier.slice(0, specifier.length - basename(specifier).length)}${file}\`?`;
  return `Cannot import \`${specifier}\`: there is no file ${shown}${suggestion}`;
}

function suggestComponent(name: string, files: string[] | undefined): string {
  const guess = closest(name, (files ?? []).filter((file) => file.endsWith('.astro')).map((file) => file.replace(/\.astro$/, '')));
  return guess ? `. Did you mean \`<${guess}>\` (~/components/content/${guess}.astro)?` : '';
}

function expectedOf(kind: 'handbook' | 'template', context: ComponentContext): string {
  return kind === 'handbook'
    ? `the id of a handbook, one of ${oneOf(context.index.handbooks)}`
    : 'the id of a message template ("<handbook>/<file name>" of a file in content/templates/)';
}

function unknownHandbook(value: string, context: ComponentContext): string | undefined {
  if (context.index.handbooks.has(value)) return undefined;
  const guess = closest(value, context.index.handbooks);
  return `there is no handbook "${value}": expected one of ${oneOf(context.index.handbooks)} (a file in content/handbooks/)${guess ? `. Did you mean "${guess}"?` : ''}`;
}

function unknownTemplate(value: string, context: ComponentContext): string | undefined {
  if (context.templates.has(value)) return undefined;
  // The closest template of the same handbook, else of any.
  const folder = value.split('/')[0];
  const same = [...context.templates].filter((id) => id.split('/')[0] === folder);
  const guess = closest(value, same.length ? same : context.templates);
  return `there is no message template "${value}" (no file content/templates/${value}.md)${guess ? `. Did you mean "${guess}"?` : same.length ? `; the templates of "${folder}": ${oneOf(same)}` : ''}`;
}

/** What to do about the compiler's most common complaints, in the author's terms. */
function syntaxHint(message: string): string {
  if (/expression|brace/i.test(message)) return ' (a `{` starts a JavaScript expression in MDX: close it with `}`, or write `\\{` for a brace in the text)';
  if (/tag|attribute|name/i.test(message)) return ' (a `<` followed by a letter starts a component tag: finish it with `/>` or `>`, or write `\\<` for the character in the text)';
  if (/import|export|acorn|statement/i.test(message)) return ' (check the `import` and `export` lines below the frontmatter)';
  return '';
}
