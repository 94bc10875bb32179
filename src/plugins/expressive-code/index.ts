/**
 * Expressive Code plugin for the commands in shell and SQL blocks (registered in astro.config.mjs
 * through Starlight's `expressiveCode.plugins`):
 *
 * - every command gets its own copy button at the start of its line (the block's own copy button
 *   stays, and says how many commands it copies);
 * - a command that changes a system is marked "⚠ changes" beside it and named in a line under the
 *   block, in the HTML, so the mark is there before any copy and with JavaScript off;
 * - an API path with no host (`curl -X GET /api/health/payment`) gets an explicit, highlighted
 *   `"$API_URL/api/health/payment"` and a note under the block on what `$API_URL` is.
 *
 * Authors mark or unmark commands in the fence meta, by line number within the block:
 * ```bash changes={3} safe={5}
 * What is a command and what changes a system is decided in src/lib/shell-commands.ts.
 */
import {
  AttachedPluginData,
  ExpressiveCodeAnnotation,
  definePlugin,
  type AnnotationRenderOptions,
  type ExpressiveCodeBlock,
  type ExpressiveCodeLine,
  type ExpressiveCodePlugin,
} from '@astrojs/starlight/expressive-code';
import { h, type Element } from '@astrojs/starlight/expressive-code/hast';
import {
  applyOverrides,
  changeSummary,
  commandLanguage,
  parseLineRanges,
  shortCommand,
  splitCommands,
  withApiBase,
  type Command,
  type CommandLanguage,
} from '../../lib/shell-commands.ts';
import { copyCommandScript } from './copy-command.ts';
import { blockNotes, copyCell, markCell, statusRegion, type CommandKind } from './render.ts';
import { texts } from './texts.ts';

interface BlockCommands {
  language: CommandLanguage;
  commands: Command[];
  /** The command each line belongs to. */
  byLine: Map<number, Command>;
  /** Whether the block uses the `$API_URL` placeholder (rewritten by us or written by the author). */
  usesApiBase: boolean;
}

interface AuthorMarks {
  changes: ExpressiveCodeLine[];
  safe: ExpressiveCodeLine[];
}

const marksOf = new AttachedPluginData<AuthorMarks>(() => ({ changes: [], safe: [] }));
const commandsOf = new AttachedPluginData<BlockCommands | undefined>(() => undefined);

/** `$API_URL` in a command: rendered as `<var>` so it reads, and looks, like a value to fill in. */
class PlaceholderAnnotation extends ExpressiveCodeAnnotation {
  name = 'Command placeholder';
  render({ nodesToTransform }: AnnotationRenderOptions) {
    return nodesToTransform.map((node) => h('var.cmd-placeholder', [node]));
  }
}

/**
 * The first element under `root` (depth first) that `matches`, not looking inside the code itself
 * (`<pre>`). In place of hast-util-select's select(), which parses its selector on every call (about
 * 0.1 s over the 1,000 code blocks of the bench's handbook).
 */
function findElement(root: Element, matches: (node: Element) => boolean): Element | undefined {
  for (const child of root.children) {
    if (child.type !== 'element') continue;
    if (matches(child)) return child;
    if (child.tagName === 'pre') continue;
    const found = findElement(child, matches);
    if (found) return found;
  }
  return undefined;
}

function hasClass(node: Element, name: string): boolean {
  const value: unknown = node.properties.className;
  return Array.isArray(value) ? value.includes(name) : typeof value === 'string' && value.split(/\s+/).includes(name);
}

function where(codeBlock: ExpressiveCodeBlock): string {
  const file = codeBlock.parentDocument?.sourceFilePath;
  const first = codeBlock.getLine(0)?.text.trim();
  return `Code block ${first ? `starting "${first.slice(0, 60)}" ` : ''}${file ? `in ${file}` : ''}`.trim();
}

export function pluginCommands(): ExpressiveCodePlugin {
  return definePlugin({
    name: 'Commands',
    jsModules: [copyCommandScript],
    hooks: {
      // Read `changes={..}` / `safe={..}` while the lines are still numbered as the author wrote them.
      preprocessMetadata: ({ codeBlock }) => {
        const language = commandLanguage(codeBlock.language);
        const lines = codeBlock.getLines();
        const marks = marksOf.getOrCreateFor(codeBlock);
        for (const key of ['changes', 'safe'] as const) {
          for (const value of codeBlock.metaOptions.getRanges(key)) {
            if (!language) throw new Error(`${where(codeBlock)}: ${key}={${value}} marks commands, but this block is "${codeBlock.language}"; expected a shell (bash, sh) or SQL block.`);
            let numbers: number[];
            try {
              numbers = parseLineRanges(key, value);
            } catch (error) {
              throw new Error(`${where(codeBlock)}: ${(error as Error).message}`);
            }
            for (const n of numbers) {
              const line = lines[n - 1];
              if (!line) throw new Error(`${where(codeBlock)}: ${key}={${value}} names line ${n}, but the block has ${lines.length} line${lines.length === 1 ? '' : 's'}; expected line numbers counted from 1 within the block.`);
              marks[key].push(line);
            }
          }
        }
      },
      preprocessCode: ({ codeBlock, addGutterElement }) => {
        const language = commandLanguage(codeBlock.language);
        if (!language) return;
        const lines = codeBlock.getLines();
        let usesApiBase = false;
        if (language === 'shell') {
          const rewrite = withApiBase(codeBlock.code);
          const rewritten = rewrite.code.split('\n');
          lines.forEach((line, index) => {
            if (rewritten[index] !== undefined && rewritten[index] !== line.text) line.editText(0, line.text.length, rewritten[index]);
          });
          usesApiBase = rewrite.placeholders.length > 0;
        }
        const marks = marksOf.getOrCreateFor(codeBlock);
        const numberOf = (line: ExpressiveCodeLine) => lines.indexOf(line) + 1;
        let commands: Command[];
        try {
          commands = applyOverrides(
            splitCommands(codeBlock.code, language, codeBlock.language),
            { changes: marks.changes.map(numberOf), safe: marks.safe.map(numberOf) },
            lines.length,
          );
        } catch (error) {
          throw new Error(`${where(codeBlock)}: ${(error as Error).message}`);
        }
        const byLine = new Map<number, Command>();
        for (const command of commands) for (let i = command.firstLine; i <= command.lastLine; i++) byLine.set(i, command);
        commandsOf.setFor(codeBlock, { language, commands, byLine, usesApiBase });

        const kind: CommandKind = language === 'sql' ? 'statement' : 'command';
        const startOf = (lineIndex: number) => {
          const command = byLine.get(lineIndex);
          return command && command.firstLine === lineIndex ? command : undefined;
        };
        // One command: the block's own copy button is that command's button (named for it below).
        if (commands.length > 1) {
          addGutterElement({
            renderPhase: 'earlier',
            renderLine: ({ lineIndex }) => copyCell(startOf(lineIndex), kind),
            renderPlaceholder: () => copyCell(undefined, kind),
          });
        }
        if (commands.some((c) => c.change)) {
          addGutterElement({
            renderPhase: 'normal',
            renderLine: ({ lineIndex }) => markCell(startOf(lineIndex)),
            renderPlaceholder: () => markCell(undefined),
          });
        }
      },
      annotateCode: ({ codeBlock }) => {
        const block = commandsOf.getOrCreateFor(codeBlock);
        if (block?.language !== 'shell' || !block.usesApiBase) return;
        const { placeholders } = withApiBase(codeBlock.code);
        for (const { line, start, end } of placeholders) {
          codeBlock.getLine(line)?.addAnnotation(new PlaceholderAnnotation({ inlineRange: { columnStart: start, columnEnd: end } }));
        }
      },
      postprocessRenderedLine: ({ codeBlock, lineIndex, renderData }) => {
        const command = commandsOf.getOrCreateFor(codeBlock)?.byLine.get(lineIndex);
        if (!command) return;
        const classes = ['cmd-line'];
        if (command.firstLine === lineIndex) classes.push('cmd-start');
        if (command.change) classes.push('cmd-changes');
        const line = renderData.lineAst;
        const existing = line.properties.className;
        line.properties.className = [...(Array.isArray(existing) ? existing : existing ? [String(existing)] : []), ...classes];
      },
      postprocessRenderedBlock: ({ codeBlock, renderData }) => {
        const block = commandsOf.getOrCreateFor(codeBlock);
        if (!block) return;
        const figure = renderData.blockAst;
        const kind: CommandKind = block.language === 'sql' ? 'statement' : 'command';
        const { commands } = block;
        const copyAll = findElement(figure, (node) => hasClass(node, 'copy'));
        const button = copyAll && findElement(copyAll, (node) => node.tagName === 'button');
        if (commands.length === 0 && copyAll) {
          // Comments only: there is nothing to copy.
          figure.children = figure.children.filter((child) => child !== copyAll);
        } else if (button) {
          const changing = commands.filter((c) => c.change).length;
          const name = commands.length === 1
            ? texts.copyCommand(shortCommand(commands[0].text), !!commands[0].change, kind)
            : texts.copyAll(commands.length, changing, kind);
          button.properties.title = name;
          button.properties.ariaLabel = name;
          button.properties.dataCode = commands.map((c) => c.text).join('\n').replace(/\n/g, '\u007f');
          if (commands.length > 1) {
            // Several commands: a labelled "Copy all" in the bar above the code (the words are CSS
            // generated content, so they stay out of search results and text selections).
            button.properties.className = ['cmd-copy-all'];
            button.children.push(h('span.cmd-copy-all-text', { 'aria-hidden': 'true', 'data-text': texts.copyAllShort }));
          }
        }
        if (commands.length > 1) figure.children.push(statusRegion());
        const notes = blockNotes(changeSummary(commands, kind === 'statement' ? { one: 'statement', many: 'statements' } : undefined), block.usesApiBase);
        if (notes) figure.children.push(notes);
        figure.properties.className = [...((figure.properties.className as string[]) ?? []), 'cmd-block', ...(commands.length > 1 ? ['cmd-multi'] : [])];
      },
    },
  });
}

