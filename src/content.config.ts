import { relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { readContentIndex } from './build/content-index';
import { templateLoader } from './build/template-loader';
import { docsLoaderAt } from './build/docs-loader';
import { checkRunbook, drillSchema, handbookSchema, runbookFields, scaleSchema, templateSchema } from './schemas';

/**
 * Content lives in content/ at the top of the repository, not in src/. HANDBOOK_CONTENT_DIR points
 * a build at another folder (the tests build broken fixtures this way).
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CONTENT = relative(ROOT, resolve(ROOT, process.env.HANDBOOK_CONTENT_DIR ?? 'content')).split(sep).join('/');
const index = readContentIndex(resolve(ROOT, CONTENT));

export const collections = {
  docs: defineCollection({
    loader: docsLoaderAt(`./${CONTENT}/docs`),
    schema: (context) => docsSchema({ extend: runbookFields })(context).superRefine(checkRunbook(index)),
  }),
  /** Starlight's UI strings (content/i18n/en.json): labels tuned for responders. */
  i18n: defineCollection({
    loader: glob({ base: `./${CONTENT}/i18n`, pattern: '*.json' }),
    schema: i18nSchema(),
  }),
  handbooks: defineCollection({
    loader: glob({ base: `./${CONTENT}/handbooks`, pattern: '*.{yaml,yml}' }),
    schema: handbookSchema(index),
  }),
  scales: defineCollection({
    loader: glob({ base: `./${CONTENT}/scales`, pattern: '*.{yaml,yml}' }),
    schema: scaleSchema,
  }),
  templates: defineCollection({
    loader: templateLoader({ base: `${CONTENT}/templates` }),
    schema: templateSchema(index),
  }),
  drills: defineCollection({
    loader: glob({ base: `./${CONTENT}/drills`, pattern: '**/*.{yaml,yml}' }),
    schema: drillSchema(index),
  }),
};
