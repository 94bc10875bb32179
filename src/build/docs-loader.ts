/**
 * Starlight's docs, loaded from content/docs/ instead of src/content/docs/, with ids from the one
 * rule in src/schemas/ids.ts (not Astro's slugs, so every part of the site agrees on a page's id),
 * and each entry's id passed to the schema as `entryPath` so it can require `handbook` and check the
 * page's folder.
 */
import { glob, type Loader } from 'astro/loaders';
import { pageIdOfFile } from '../schemas/ids';

export function docsLoaderAt(base: string): Loader {
  const inner = glob({ base, pattern: '**/[^_]*.{md,mdx}', generateId: ({ entry }) => pageIdOfFile(entry) });
  return {
    name: 'incident-handbook-docs',
    load: (context) =>
      inner.load({
        ...context,
        parseData: (props) => context.parseData({ ...props, data: { ...props.data, entryPath: props.id } }),
      }),
  };
}
