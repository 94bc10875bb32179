/**
 * Starlight's docs, loaded from content/docs/ instead of src/content/docs/, with each entry's id
 * passed to the schema as `entryPath` so it can require `handbook` and check the page's folder.
 */
import { glob, type Loader } from 'astro/loaders';

export function docsLoaderAt(base: string): Loader {
  const inner = glob({ base, pattern: '**/[^_]*.{md,mdx}' });
  return {
    name: 'incident-handbook-docs',
    load: (context) =>
      inner.load({
        ...context,
        parseData: (props) => context.parseData({ ...props, data: { ...props.data, entryPath: props.id } }),
      }),
  };
}
