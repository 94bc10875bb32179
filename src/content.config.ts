import { relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { i18nSchema } from '@astrojs/starlight/schema';
import { readContentIndex } from './build/content-index';
import { COLLECTIONS } from './build/content-files';
import { templateLoader } from './build/template-loader';
import { docsLoaderAt } from './build/docs-loader';
import { teamLoader } from './build/team';
import { afterValidation } from './build/validated-loader';
import { drillSchema, handbookSchema, runbookSchema, scaleSchema, templateSchema } from './schemas';

/**
 * Content lives in content/ at the top of the repository, not in src/. HANDBOOK_CONTENT_DIR points
 * a build at another folder (the tests build broken fixtures this way).
 *
 * The validator (src/build/validate/) runs these same schemas over every file before Astro loads
 * any (each loader waits for it: afterValidation), and reports every mistake at once; Astro's own
 * checks below then only see valid content.
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CONTENT = relative(ROOT, resolve(ROOT, process.env.HANDBOOK_CONTENT_DIR ?? 'content')).split(sep).join('/');
const index = readContentIndex(resolve(ROOT, CONTENT));

/** Entry ids as the validator and the content index give them (src/build/content-files.ts). */
const idsOf = (kind: 'handbook' | 'scale' | 'drill') => ({ entry }: { entry: string }) => COLLECTIONS[kind].idOf(entry);

export const collections = {
  docs: defineCollection({
    loader: afterValidation(docsLoaderAt(`./${CONTENT}/docs`)),
    schema: (context) => runbookSchema(index, context),
  }),
  /** Starlight's UI strings (content/i18n/en.json): labels tuned for responders. */
  i18n: defineCollection({
    loader: afterValidation(glob({ base: `./${CONTENT}/i18n`, pattern: '*.json' })),
    schema: i18nSchema(),
  }),
  handbooks: defineCollection({
    loader: afterValidation(glob({ base: `./${CONTENT}/handbooks`, pattern: '*.{yaml,yml}', generateId: idsOf('handbook') })),
    schema: handbookSchema(index),
  }),
  scales: defineCollection({
    loader: afterValidation(glob({ base: `./${CONTENT}/scales`, pattern: '*.{yaml,yml}', generateId: idsOf('scale') })),
    schema: scaleSchema,
  }),
  /** Team settings: the declared placeholders (content/placeholders.yaml) and the build's values (content/team.yaml, optional). */
  team: defineCollection({ loader: afterValidation(teamLoader()) }),
  templates: defineCollection({
    loader: afterValidation(templateLoader({ base: `${CONTENT}/templates` })),
    schema: templateSchema(index),
  }),
  drills: defineCollection({
    loader: afterValidation(glob({ base: `./${CONTENT}/drills`, pattern: '**/*.{yaml,yml}', generateId: idsOf('drill') })),
    schema: drillSchema(index),
  }),
};
