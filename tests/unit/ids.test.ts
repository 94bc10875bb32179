/** The one rule from a runbook file to its page id and address (src/schemas/ids.ts), and the labels typed by their lists. */
import { describe, expect, it } from 'vitest';
import { COLLECTIONS, dataIdOfFile } from '../../src/build/content-files';
import { AUDIENCE_LABELS, FIELD_TYPE_LABELS, KIND_LABELS } from '../../src/lib/labels';
import { hrefOf } from '../../src/lib/sidebar';
import { AUDIENCES, FIELD_TYPES, RUNBOOK_KINDS } from '../../src/schemas';
import { folderOfPage, isPageFile, normalisePageId, pageHref, pageIdOfFile } from '../../src/schemas/ids';

describe('page ids and addresses', () => {
  it.each([
    ['agency-platform/scenarios/app-down.mdx', 'agency-platform/scenarios/app-down', '/agency-platform/scenarios/app-down/'],
    ['agency-platform/index.mdx', 'agency-platform', '/agency-platform/'],
    ['agency-platform/reference/index.md', 'agency-platform/reference', '/agency-platform/reference/'],
    ['index.mdx', 'index', '/'],
    ['404.md', '404', '/404/'],
    ['agency-platform\\process\\declare.mdx', 'agency-platform/process/declare', '/agency-platform/process/declare/'],
  ])('%s is the page %s at %s', (file, id, href) => {
    expect(pageIdOfFile(file)).toBe(id);
    expect(pageHref(id)).toBe(href);
  });

  it('reads a page as authors write it in YAML and links', () => {
    for (const ref of ['demo/respond-now', '/demo/respond-now/', 'demo/respond-now/index', '/demo/respond-now']) {
      expect(normalisePageId(ref)).toBe('demo/respond-now');
    }
    expect(pageHref('/demo/')).toBe('/demo/');
    expect(pageHref('/')).toBe('/');
  });

  it('takes a page\'s handbook folder from its id', () => {
    expect(folderOfPage('demo/scenarios/x')).toBe('demo');
    expect(folderOfPage('demo')).toBe('demo');
    expect(folderOfPage('/demo/x/')).toBe('demo');
    expect(folderOfPage('index')).toBe('');
  });

  it('counts Markdown and MDX files as pages, not partials starting with "_"', () => {
    expect(isPageFile('demo/x.mdx')).toBe(true);
    expect(isPageFile('demo/x.md')).toBe(true);
    expect(isPageFile('demo/_partial.mdx')).toBe(false);
    expect(isPageFile('demo/notes.txt')).toBe(false);
  });

  it('is the rule the docs loader, the sidebar and the collections use', () => {
    expect(COLLECTIONS.runbook.idOf('demo/index.mdx')).toBe('demo');
    expect(hrefOf('demo/x')).toBe('/demo/x/');
    expect(dataIdOfFile('demo/outage.yml')).toBe('demo/outage');
    expect(COLLECTIONS.template.idOf('demo/update.md')).toBe('demo/update');
  });
});

describe('labels', () => {
  it('has a label for every value of the lists it labels', () => {
    expect(Object.keys(KIND_LABELS)).toEqual([...RUNBOOK_KINDS]);
    expect(Object.keys(FIELD_TYPE_LABELS)).toEqual([...FIELD_TYPES]);
    expect(Object.keys(AUDIENCE_LABELS)).toEqual([...AUDIENCES]);
  });
});
