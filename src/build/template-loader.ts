/**
 * Loads message templates (content/templates/<handbook>/<id>.md) with their body as data, so the
 * template schema can check every {{placeholder}} against the declared fields, and their id as
 * `entryPath`, so it can check the handbook against the folder. Astro's glob loader keeps the body
 * out of the data the schema sees.
 */
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { COLLECTIONS } from './content-files';
import { listFiles } from './files';
import { splitFrontmatter } from './frontmatter';

export function templateLoader({ base }: { base: string }): Loader {
  const { keep, idOf } = COLLECTIONS.template;
  return {
    name: 'incident-handbook-templates',
    load: async ({ store, parseData, config, watcher, logger }) => {
      const root = fileURLToPath(config.root);
      const dir = join(root, base);
      const loadAll = async () => {
        store.clear();
        for (const { file, relative: path } of listFiles(dir, keep)) {
          const id = idOf(path);
          const filePath = relative(root, file).split(sep).join('/');
          let raw: ReturnType<typeof splitFrontmatter>;
          try {
            raw = splitFrontmatter(readFileSync(file, 'utf8'));
          } catch (error) {
            throw new Error(`${filePath}: ${(error as Error).message}`);
          }
          const data = await parseData({ id, data: { ...raw.data, body: raw.body, entryPath: id }, filePath });
          store.set({ id, data, filePath });
        }
      };
      await loadAll();
      watcher?.add(dir);
      watcher?.on('all', (_event, changed) => {
        if (changed.startsWith(dir)) loadAll().catch((error) => logger.error(String(error)));
      });
    },
  };
}
