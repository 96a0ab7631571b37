import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every relative link in the README and docs/ leads to a file, and every source path they and the folder guides
 * name exists: the guides are read by people adding things, and a path that moved sends them nowhere.
 */

const ROOT = join(import.meta.dirname, '../../..');

function markdownFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

const DOCS = ['README.md', ...markdownFiles('docs')];
const GUIDES = markdownFiles('src').filter((path) => path.endsWith('README.md'));

/** Targets of [text](target) that are not web addresses or in-page anchors, without their #fragment. */
function relativeLinks(text: string): string[] {
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((match) => match[1] ?? '')
    .filter((target) => !/^[a-z]+:/i.test(target) && !target.startsWith('#'))
    .map((target) => target.split('#')[0] ?? '');
}

/** `code spans` naming a source file (no wildcards or ellipses): read as paths. */
function namedSourcePaths(text: string): string[] {
  return [...text.matchAll(/`([\w./-]+\.(?:ts|tsx|md|css))`/g)].map((match) => match[1] ?? '');
}

const exists = (file: string, target: string) =>
  existsSync(join(ROOT, dirname(file), target)) || existsSync(join(ROOT, target));

describe.each([...DOCS, ...GUIDES])('%s', (file) => {
  const text = readFileSync(join(ROOT, file), 'utf8');

  it('links only to files that exist', () => {
    const broken = relativeLinks(text).filter((target) => !existsSync(join(ROOT, dirname(file), target)));
    expect(broken).toEqual([]);
  });

  it('names only source files that exist', () => {
    // The guides name files relative to their folder; the README and docs/ name them from the repository root.
    const named = GUIDES.includes(file)
      ? namedSourcePaths(text)
      : namedSourcePaths(text).filter((path) => /^(src|test|scripts|docs)\//.test(path));
    const missing = named.filter((target) => !exists(file, target));
    expect(missing, `paths in ${relative(ROOT, join(ROOT, file))}`).toEqual([]);
  });
});
