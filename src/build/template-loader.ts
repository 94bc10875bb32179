/**
 * Loads message templates (content/templates/<handbook>/<id>.md) with their body as data, so the
 * template schema can check every {{placeholder}} against the declared fields. Astro's glob loader
 * keeps the body out of the data the schema sees.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { parse } from 'yaml';

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

/** Splits a Markdown file into its YAML frontmatter and body; throws with the reason when it cannot. */
export function splitFrontmatter(source: string): { data: Record<string, unknown>; body: string } {
  const match = FRONTMATTER.exec(source);
  if (!match) throw new Error('expected YAML frontmatter between two "---" lines at the top of the file');
  const data = parse(match[1]) ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) throw new Error('the frontmatter must be a YAML mapping of fields');
  return { data: data as Record<string, unknown>, body: match[2].replace(/^\s*\n/, '').replace(/\s+$/, '') };
}

export function templateLoader({ base }: { base: string }): Loader {
  return {
    name: 'incident-handbook-templates',
    load: async ({ store, parseData, config, watcher, logger }) => {
      const root = fileURLToPath(config.root);
      const dir = join(root, base);
      const loadAll = async () => {
        store.clear();
        if (!existsSync(dir)) return;
        const files = readdirSync(dir, { recursive: true, withFileTypes: true })
          .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
          .map((entry) => join(entry.parentPath, entry.name));
        for (const file of files) {
          const id = relative(dir, file).split(sep).join('/').replace(/\.md$/, '');
          const filePath = relative(root, file).split(sep).join('/');
          let raw: ReturnType<typeof splitFrontmatter>;
          try {
            raw = splitFrontmatter(readFileSync(file, 'utf8'));
          } catch (error) {
            throw new Error(`${filePath}: ${(error as Error).message}`);
          }
          const data = await parseData({ id, data: { ...raw.data, body: raw.body }, filePath });
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
