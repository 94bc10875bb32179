/**
 * Which source file makes each page of the built site, so that a problem found in the output (a
 * broken link, src/build/link-check-integration.ts) names the file to open: a runbook under the
 * content folder ("content/docs/demo/respond-now.mdx") or a page of the code ("src/pages/reviews.astro",
 * a dynamic route for every page it makes).
 */
import { join } from 'node:path';
import { pageHref } from '../schemas/ids.ts';
import { displayPath, listContent } from './content-files.ts';
import { listFiles } from './files.ts';

const PAGE_FILE = /\.(astro|md|mdx|ts|js)$/;

/** A lookup from a page's address ("/demo/respond-now/", "/reviews/", "/404.html") to its source file, as reports name it. */
export function pageSources(root: string, contentDir: string): (address: string) => string | undefined {
  const exact = new Map<string, string>();
  const dynamic: { prefix: string; file: string }[] = [];
  for (const runbook of listContent(root, contentDir, 'runbook')) exact.set(pageHref(runbook.id), runbook.path);
  // A page of the code wins over a runbook at the same address, as Astro's static routes win over
  // Starlight's catch-all route.
  for (const { file, relative } of listFiles(join(root, 'src/pages'), (path) => PAGE_FILE.test(path))) {
    const shown = displayPath(root, file);
    const route = relative.replace(PAGE_FILE, '').replace(/(^|\/)index$/, '');
    const bracket = route.indexOf('[');
    if (bracket !== -1) dynamic.push({ prefix: `/${route.slice(0, bracket)}`, file: shown });
    else if (/\.[a-z0-9]+$/i.test(route)) exact.set(`/${route}`, shown); // an endpoint: reviews.json.ts -> /reviews.json
    else {
      exact.set(route === '' ? '/' : `/${route}/`, shown);
      exact.set(`/${route}.html`, shown); // 404.astro is built as /404.html
    }
  }
  dynamic.sort((a, b) => b.prefix.length - a.prefix.length);
  return (address) => {
    const path = address.endsWith('/') || /\.[a-z0-9]+$/i.test(address) ? address : `${address}/`;
    return exact.get(path) ?? dynamic.find((route) => path.startsWith(route.prefix))?.file;
  };
}
