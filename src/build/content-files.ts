/**
 * Which files under content/ are content, of what kind, with what id. The collections' loaders
 * (src/content.config.ts) take their ids from here (`generateId`), and the validator and the content
 * index list files with it, so an id means the same thing everywhere.
 */
import { isAbsolute, join, relative, sep } from 'node:path';
import { isPageFile, pageIdOfFile } from '../schemas/ids.ts';
import { listFiles } from './files.ts';

export type ContentKind = 'handbook' | 'scale' | 'template' | 'drill' | 'runbook';

export interface ContentFile {
  kind: ContentKind;
  /** The entry id: "agency-platform", "agency-platform/declare", "agency-platform/scenarios/app-down". */
  id: string;
  /** Absolute path. */
  file: string;
  /** Path relative to the project, with `/`: "content/handbooks/agency-platform.yaml". */
  path: string;
}

const YAML_FILE = /\.ya?ml$/;

/** Each collection: its folder under content/, which files belong, and the id of a file. */
export const COLLECTIONS: Record<ContentKind, { folder: string; recursive: boolean; keep: (path: string) => boolean; idOf: (path: string) => string }> = {
  handbook: { folder: 'handbooks', recursive: false, keep: (path) => YAML_FILE.test(path), idOf: dataIdOfFile },
  scale: { folder: 'scales', recursive: false, keep: (path) => YAML_FILE.test(path), idOf: dataIdOfFile },
  template: { folder: 'templates', recursive: true, keep: (path) => path.endsWith('.md'), idOf: (path) => path.replace(/\.md$/, '') },
  drill: { folder: 'drills', recursive: true, keep: (path) => YAML_FILE.test(path), idOf: dataIdOfFile },
  runbook: { folder: 'docs', recursive: true, keep: isPageFile, idOf: pageIdOfFile },
};

/** "agency-platform.yaml" -> "agency-platform"; "agency-platform/outage.yml" -> "agency-platform/outage". */
export function dataIdOfFile(path: string): string {
  return path.replace(/\\/g, '/').replace(YAML_FILE, '');
}

/** Every content file of one kind, sorted by path. */
export function listContent(root: string, contentDir: string, kind: ContentKind): ContentFile[] {
  const { folder, recursive, keep, idOf } = COLLECTIONS[kind];
  const dir = join(contentDir, folder);
  return listFiles(dir, (path) => (recursive || !path.includes('/')) && keep(path)).map((listed) => ({
    kind,
    id: idOf(listed.relative),
    file: listed.file,
    path: displayPath(root, listed.file),
  }));
}

/**
 * A file as reports name it: relative to the project ("content/scales/x.yaml"), also when
 * HANDBOOK_CONTENT_DIR is an absolute path, and with "../" when it is outside the project; absolute
 * only when no relative path exists (another drive).
 */
export function displayPath(root: string, file: string): string {
  const path = relative(root, file);
  return (isAbsolute(path) ? file : path).split(sep).join('/');
}
