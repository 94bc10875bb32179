/** Where the content is: one rule for the build's integrations and the validator. */
import { resolve } from 'node:path';

/** "content" for the example content, or the folder HANDBOOK_CONTENT_DIR points at. */
export function contentDirFromEnv(root: string): string {
  return resolve(root, process.env.HANDBOOK_CONTENT_DIR ?? 'content');
}
