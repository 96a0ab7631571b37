import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
/** The window's first scripts: the Electron page's and the harness page's. */
const ENTRIES = ['src/renderer/src/main.ts', 'src/harness/web/entry.ts'];

function resolveImport(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return specifier;
  const base = resolve(dirname(from), specifier);
  return [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), base].find((path) => existsSync(path)) ?? null;
}

/** What a file loads when it runs: its imports and re-exports, static or dynamic, less those only of types. */
function valueImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const named = clause?.namedBindings;
      const onlyTypes =
        clause?.isTypeOnly === true ||
        (clause !== undefined &&
          clause.name === undefined &&
          named !== undefined &&
          ts.isNamedImports(named) &&
          named.elements.length > 0 &&
          named.elements.every((element) => element.isTypeOnly));
      if (!onlyTypes) found.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!node.isTypeOnly) found.push(node.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      found.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Every module the window can load, each with the file that first brought it in. */
function windowModules(): Map<string, string | null> {
  const reachedFrom = new Map<string, string | null>();
  const queue = ENTRIES.map((entry) => join(ROOT, entry));
  for (const entry of queue) reachedFrom.set(entry, null);
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (!file.startsWith('/') || !/\.tsx?$/.test(file)) continue;
    for (const specifier of valueImports(file)) {
      const target = resolveImport(file, specifier);
      if (target === null || reachedFrom.has(target)) continue;
      reachedFrom.set(target, file);
      queue.push(target);
    }
  }
  return reachedFrom;
}

function chainTo(module: string, reachedFrom: Map<string, string | null>): string {
  const chain: string[] = [];
  for (let at: string | null | undefined = module; at; at = reachedFrom.get(at)) chain.push(at.replace(`${ROOT}/`, ''));
  return chain.join(' ← ');
}

describe("the window's scripts", () => {
  it('do not load the schema library: validation is the job of the services, and zod costs the first paint', () => {
    const reachedFrom = windowModules();
    // The walk itself must see the window: its stores and grids, through the harness's dynamic import too.
    expect(reachedFrom.has(join(ROOT, 'src/renderer/src/stores/chain-store.ts'))).toBe(true);
    expect(reachedFrom.has('ag-grid-community')).toBe(true);
    expect(reachedFrom.has('zod') ? chainTo('zod', reachedFrom) : 'zod not loaded').toBe('zod not loaded');
  });
});
