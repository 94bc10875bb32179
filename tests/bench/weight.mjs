/**
 * What one built page costs a reader: gzip sizes (zlib level 9) of its HTML, of all the JavaScript
 * it loads and of all its CSS, read from a build folder.
 *
 * JavaScript: external <script src> files, inline <script> bodies, <link rel="modulepreload">,
 * the component and renderer files of <astro-island>s, and every module those statically import
 * (`import ... from "./x.js"`, `import "./x.js"`, `export ... from "./x.js"`), recursively.
 * Modules reached only through a dynamic `import("./x.js")` are loaded on demand (Pagefind's UI
 * when search opens, for example); they are reported apart as "lazy" and not counted in the JS total.
 * CSS: <link rel="stylesheet"> files (any media) and inline <style>, plus their @import-ed files.
 * Each file or inline block is gzipped on its own (as it travels), and each file is counted once.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const gz = (data) => gzipSync(data, { level: 9 }).length;
const JS_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript']);

function attributes(tag) {
  const attrs = {};
  for (const m of tag.matchAll(/([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    attrs[m[1].toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? '';
  }
  return attrs;
}

/** Maps a URL (absolute path or relative to `from`) to a file in outDir; undefined if external or missing. */
function resolveUrl(outDir, from, url) {
  let parsed;
  try {
    parsed = new URL(url, `http://bench.local${from}`);
  } catch {
    return undefined;
  }
  if (parsed.host !== 'bench.local') return undefined;
  let path = decodeURIComponent(parsed.pathname);
  if (path.endsWith('/')) path += 'index.html';
  const file = join(outDir, path);
  return existsSync(file) && statSync(file).isFile() ? { url: path, file } : undefined;
}

const STATIC_IMPORT = /(?:^|[^\w$.])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?(["'`])([^"'`\n$]+?)\1/g;
const DYNAMIC_IMPORT = /(?:^|[^\w$.])import\s*\(\s*(["'`])([^"'`\n$]+?)\1\s*\)/g;
const CSS_IMPORT = /@import\s+(?:url\(\s*)?(["']?)([^"')\s;]+)\1/g;
const isSpecifier = (s) => s.startsWith('./') || s.startsWith('../') || s.startsWith('/');

/** Collects a module and, recursively, what it imports; `lazy` gets modules reached only dynamically. */
function walkJs(outDir, entry, seen, lazy) {
  const queue = [entry];
  while (queue.length) {
    const mod = queue.shift();
    if (seen.has(mod.url)) continue;
    seen.set(mod.url, mod);
    for (const m of mod.code.matchAll(STATIC_IMPORT)) {
      if (!isSpecifier(m[2])) continue;
      const target = resolveUrl(outDir, mod.base, m[2]);
      if (target && !seen.has(target.url)) queue.push(loadModule(target, 'import'));
    }
    for (const m of mod.code.matchAll(DYNAMIC_IMPORT)) {
      if (!isSpecifier(m[2])) continue;
      const target = resolveUrl(outDir, mod.base, m[2]);
      if (target) lazy.add(target.url);
    }
  }
}

function loadModule(target, via) {
  const code = readFileSync(target.file, 'utf8');
  return { url: target.url, base: target.url, via, code, bytes: Buffer.byteLength(code), gz: gz(code) };
}

function sum(items) {
  return { count: items.length, bytes: items.reduce((n, i) => n + i.bytes, 0), gz: items.reduce((n, i) => n + i.gz, 0) };
}

/**
 * @param outDir build folder
 * @param pageUrl e.g. "/demo/generated/page-0001/"
 */
export function pageWeight(outDir, pageUrl) {
  const page = resolveUrl(outDir, '/', pageUrl);
  if (!page) throw new Error(`No page ${pageUrl} in ${outDir}`);
  const html = readFileSync(page.file, 'utf8');
  const js = new Map();
  const missing = [];
  const lazyUrls = new Set();
  let inline = 0;

  const addExternal = (url, via) => {
    const target = resolveUrl(outDir, page.url, url);
    if (!target) return void missing.push(url);
    if (!js.has(target.url)) walkJs(outDir, loadModule(target, via), js, lazyUrls);
  };

  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const attrs = attributes(m[1]);
    if (!JS_TYPES.has((attrs.type ?? '').toLowerCase())) continue;
    if (attrs.src !== undefined) addExternal(attrs.src, 'script');
    else if (m[2].trim()) {
      const url = `inline-script-${++inline}`;
      walkJs(outDir, { url, base: page.url, via: 'inline', code: m[2], bytes: Buffer.byteLength(m[2]), gz: gz(m[2]) }, js, lazyUrls);
    }
  }
  for (const m of html.matchAll(/<link\b([^>]*)>/gi)) {
    const attrs = attributes(m[1]);
    if ((attrs.rel ?? '').toLowerCase().split(/\s+/).includes('modulepreload') && attrs.href) addExternal(attrs.href, 'modulepreload');
  }
  for (const m of html.matchAll(/<astro-island\b([^>]*)>/gi)) {
    const attrs = attributes(m[1]);
    for (const key of ['component-url', 'renderer-url', 'before-hydration-url']) {
      if (attrs[key]) addExternal(attrs[key], 'island');
    }
  }

  // CSS
  const css = new Map();
  let inlineStyles = 0;
  const walkCss = (entry) => {
    const queue = [entry];
    while (queue.length) {
      const sheet = queue.shift();
      if (css.has(sheet.url)) continue;
      css.set(sheet.url, sheet);
      for (const m of sheet.code.matchAll(CSS_IMPORT)) {
        const target = resolveUrl(outDir, sheet.base, m[2]);
        if (target && !css.has(target.url)) {
          const code = readFileSync(target.file, 'utf8');
          queue.push({ url: target.url, base: target.url, via: 'import', code, bytes: Buffer.byteLength(code), gz: gz(code) });
        }
      }
    }
  };
  for (const m of html.matchAll(/<link\b([^>]*)>/gi)) {
    const attrs = attributes(m[1]);
    if (!(attrs.rel ?? '').toLowerCase().split(/\s+/).includes('stylesheet') || !attrs.href) continue;
    const target = resolveUrl(outDir, page.url, attrs.href);
    if (!target) {
      missing.push(attrs.href);
      continue;
    }
    const code = readFileSync(target.file, 'utf8');
    walkCss({ url: target.url, base: target.url, via: 'link', code, bytes: Buffer.byteLength(code), gz: gz(code) });
  }
  for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)) {
    if (!m[1].trim()) continue;
    walkCss({ url: `inline-style-${++inlineStyles}`, base: page.url, via: 'inline', code: m[1], bytes: Buffer.byteLength(m[1]), gz: gz(m[1]) });
  }

  const jsFiles = [...js.values()];
  const lazy = [...lazyUrls].filter((url) => !js.has(url)).map((url) => loadModule(resolveUrl(outDir, '/', url), 'dynamic'));
  // What the lazy modules import in turn (and the page does not load already) is lazy too.
  const lazySeen = new Map(js);
  for (const mod of lazy) walkJs(outDir, mod, lazySeen, new Set());
  const lazyFiles = [...lazySeen.values()].filter((mod) => !js.has(mod.url));
  // The incident bar: loaded (with what it imports) as soon as an incident is active, on every page.
  // Its own actions (export, panel) stay behind further dynamic imports, opened on a click.
  const barSeen = new Map(js);
  for (const mod of lazy.filter((m) => /\/incident-bar\.[^/]*\.js$/.test(m.url))) walkJs(outDir, mod, barSeen, new Set());
  const barFiles = [...barSeen.values()].filter((mod) => !js.has(mod.url));
  const strip = ({ url, via, bytes, gz }) => ({ url, via, bytes, gz });
  return {
    page: pageUrl,
    html: { bytes: Buffer.byteLength(html), gz: gz(html) },
    js: { ...sum(jsFiles), files: jsFiles.map(strip) },
    css: { ...sum([...css.values()]), files: [...css.values()].map(strip) },
    lazyJs: { ...sum(lazyFiles), files: lazyFiles.map(strip) },
    incidentJs: { ...sum(barFiles), files: barFiles.map(strip) },
    islands: (html.match(/<astro-island\b/gi) ?? []).length,
    checklists: (html.match(/data-checklist[\s=>]/g) ?? []).length,
    missing,
  };
}

/** Total bytes and number of files under a folder (0 if it does not exist). */
export function dirSize(dir) {
  if (!existsSync(dir)) return { bytes: 0, files: 0 };
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
    files += 1;
  }
  return { bytes, files };
}

/** URLs of the HTML pages of a build ("/a/b/" for a/b/index.html). */
export function htmlPages(outDir) {
  return readdirSync(outDir, { recursive: true })
    .filter((file) => String(file).endsWith('.html'))
    .map((file) => `/${relative('', String(file)).split(sep).join('/')}`.replace(/index\.html$/, ''));
}
