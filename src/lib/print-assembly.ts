/**
 * The printed handbook of `astro build`, made from the runbook pages' own rendering instead of
 * rendering every runbook a second time.
 *
 * In a build, /<handbook>/print/ renders as a shell: its contents, the numbered section titles and
 * the blank sheets, with a placeholder comment where each runbook's content goes
 * (src/components/print/PrintSection.astro registers the section here). Each runbook page hands its
 * rendered content over as it renders (src/components/MarkdownContent.astro). Once the pages are
 * written, src/build/print-integration.ts fits each section's content into the document
 * (src/lib/print-html.ts, as in `astro dev`), adds the stylesheets of those pages that the shell
 * lacks (a severity scale's, a template's), and writes the page after Pagefind has read the small
 * shell (the printed handbook is not searched: its text is every other page again).
 *
 * `astro dev` starts no assembly: there the print page renders each runbook itself
 * (`printAssembly()` is undefined).
 *
 * The hand-over is kept on globalThis: the page code runs in Astro's server bundle, the integration
 * in the process that loaded astro.config.mjs, each with its own copy of this module.
 */
import { rewriteSectionHtml, type RewriteOptions } from './print-html.ts';

export interface PrintedSection {
  /** The address of the page the content comes from: `/h/scenarios/x/`. */
  page: string;
  /** How the content is fitted into the document. */
  options: RewriteOptions;
}

export interface PrintJob {
  /** The printed handbook's own address: `/h/print/`. */
  page: string;
  sections: PrintedSection[];
}

export interface PrintAssembly {
  /** Different in every build, so that no page's content can pass for a placeholder. */
  token: string;
  jobs: PrintJob[];
  /** Each handbook page's rendered content, by its address (`pageKey`). */
  contents: Map<string, string>;
}

const KEY = Symbol.for('incident-handbook.print-assembly');
type Holder = { [KEY]?: PrintAssembly };

/** Called by the integration when `astro build` starts: from now on, print pages render as shells. */
export function startPrintAssembly(): PrintAssembly {
  const assembly: PrintAssembly = { token: globalThis.crypto.randomUUID(), jobs: [], contents: new Map() };
  (globalThis as Holder)[KEY] = assembly;
  return assembly;
}

/** The build's assembly, or undefined (`astro dev`, tests): then the print page renders its runbooks. */
export function printAssembly(): PrintAssembly | undefined {
  return (globalThis as Holder)[KEY];
}

export function endPrintAssembly(): void {
  delete (globalThis as Holder)[KEY];
}

/** The print page `page` starts a job; each `add` returns the placeholder the section's content replaces. */
export function addPrintJob(assembly: PrintAssembly, page: string): { add: (section: PrintedSection) => string } {
  const job: PrintJob = { page, sections: [] };
  assembly.jobs.push(job);
  return {
    add: (section) => {
      job.sections.push(section);
      return placeholder(assembly.token, job.sections.length - 1);
    },
  };
}

const placeholder = (token: string, index: number) => `<!--handbook:print-section:${token}:${index}-->`;

/** A page's address as a key: `/h/x/` for `/h/x`, `/h/x/index.html` and `/h/x.html`. */
export function pageKey(page: string): string {
  const path = page.replace(/index\.html$/, '').replace(/\.html$/, '');
  return path.endsWith('/') ? path : `${path}/`;
}

/** A handbook page hands over its rendered content (its Markdown, as on the page, without the page around it). */
export function captureContent(assembly: PrintAssembly, page: string, html: string): void {
  assembly.contents.set(pageKey(page), html);
}

const HEAD_STYLE = /<link\b[^>]*\brel=["']?stylesheet\b[^>]*>|<style\b[^>]*>[\s\S]*?<\/style\s*>/gi;

/** The stylesheet links and style elements of a page's `<head>` (the page, or its start up to `</head>`). */
export function headStylesOf(html: string): string[] {
  const end = html.indexOf('</head>');
  return (end < 0 ? html : html.slice(0, end)).match(HEAD_STYLE) ?? [];
}

/**
 * Collects a printed handbook: the shell's HTML, then each section's page in the job's order.
 * `build()` returns the finished page.
 */
export class PrintDocument {
  /** Stylesheets, styles and scripts the document has so far, each written once. */
  private readonly styles: Set<string>;
  private readonly extraStyles: string[] = [];
  private readonly bodies: string[] = [];

  private readonly job: PrintJob;
  private readonly token: string;
  private readonly shell: string;

  constructor(job: PrintJob, token: string, shell: string) {
    this.job = job;
    this.token = token;
    this.shell = shell;
    this.styles = new Set(headStylesOf(shell));
  }

  /** The next section: its page's `<head>` as written (for its stylesheets) and its content. */
  addSection(head: string, content: string): void {
    const section = this.job.sections[this.bodies.length];
    if (!section) throw new Error(`The printed handbook ${this.job.page} has ${this.job.sections.length} sections; a page more was added.`);
    for (const style of headStylesOf(head)) {
      if (this.styles.has(style)) continue;
      this.styles.add(style);
      this.extraStyles.push(style);
    }
    this.bodies.push(rewriteSectionHtml(content, { ...section.options, once: this.styles }));
  }

  build(): string {
    if (this.bodies.length !== this.job.sections.length) {
      throw new Error(`The printed handbook ${this.job.page} has ${this.job.sections.length} sections; ${this.bodies.length} were added.`);
    }
    const parts = this.shell.split(new RegExp(`<!--handbook:print-section:${this.token}:(\\d+)-->`));
    const filled = new Set<number>();
    let html = parts[0];
    for (let i = 1; i < parts.length; i += 2) {
      const index = Number(parts[i]);
      if (filled.has(index) || !(index < this.bodies.length)) throw new Error(`The printed handbook ${this.job.page} has a placeholder for section ${index} ${filled.has(index) ? 'twice' : 'that was never registered'}.`);
      filled.add(index);
      html += this.bodies[index] + parts[i + 1];
    }
    if (filled.size !== this.bodies.length) throw new Error(`The printed handbook ${this.job.page} is missing ${this.bodies.length - filled.size} of its ${this.bodies.length} section placeholders.`);
    if (!this.extraStyles.length) return html;
    const head = html.indexOf('</head>');
    if (head < 0) throw new Error(`The printed handbook ${this.job.page} has no </head> for its sections' stylesheets.`);
    return html.slice(0, head) + this.extraStyles.join('') + html.slice(head);
  }
}
