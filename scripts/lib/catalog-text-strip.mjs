// An esbuild plugin for the sidebar bundle: the catalog's reference text (summary, parameter help, what an
// omitted argument means, returns, example, notes) becomes empty. The sidebar calls catalog functions for
// their implementations only; the hosts show that text from functions.json and the Sheets JSDoc, which
// are built from the full catalog. Without this, every function added to the catalog costs the sidebar
// its documentation (about 24 KB for 24 functions) and the 150 KB budget cannot hold.
import { readFile } from 'node:fs/promises';
import ts from 'typescript';

const SPEC_TEXT = new Set(['summary', 'returns', 'example', 'notes']);
const PARAM_TEXT = new Set(['help', 'omitted']);

function propName(p) {
  return ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : undefined;
}

/** Source text ranges to blank: the initialisers of text properties of every `const X: FunctionSpec = {...}`. */
function textRanges(file, source) {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const ranges = [];
  const blank = (init) => ranges.push({ start: init.getStart(sf), end: init.getEnd(), text: ts.isArrayLiteralExpression(init) ? '[]' : "''" });
  const visitSpec = (obj) => {
    for (const p of obj.properties) {
      const name = propName(p);
      if (!name) continue;
      if (SPEC_TEXT.has(name)) blank(p.initializer);
      if (name === 'params' && ts.isArrayLiteralExpression(p.initializer)) {
        for (const el of p.initializer.elements) {
          if (!ts.isObjectLiteralExpression(el)) continue;
          for (const q of el.properties) if (PARAM_TEXT.has(propName(q) ?? '')) blank(q.initializer);
        }
      }
    }
  };
  const walk = (node) => {
    if (ts.isVariableDeclaration(node) && node.type?.getText(sf) === 'FunctionSpec' && node.initializer && ts.isObjectLiteralExpression(node.initializer)) {
      visitSpec(node.initializer);
    }
    ts.forEachChild(node, walk);
  };
  walk(sf);
  return ranges;
}

export function stripCatalogText(source, file = 'spec.ts') {
  let out = source;
  for (const r of textRanges(file, source).sort((a, b) => b.start - a.start)) out = out.slice(0, r.start) + r.text + out.slice(r.end);
  return out;
}

export const catalogTextStrip = {
  name: 'catalog-text-strip',
  setup(build) {
    build.onLoad({ filter: /[\\/]core[\\/].*\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!source.includes(': FunctionSpec')) return undefined;
      return { contents: stripCatalogText(source, args.path), loader: 'ts' };
    });
  },
};
