// `npm run build`'s declarations: `dist/types/index.d.ts`, one file that imports nothing.
// The package installs nothing (dist/ bundles Lit and MapLibre), so declarations that import
// `lit` or `maplibre-gl` would not resolve in an app that type-checks its libraries
// (`skipLibCheck: false`): TS2307, and <prison-map> would no longer be an HTMLElement there.
// tsc emits src/'s declarations into a scratch folder; rollup-plugin-dts bundles them from
// src/index.ts's, inlining what they use of Lit's declarations (`respectExternal`). The element's
// `map` is typed by the package's own small interface (src/map/public-map.ts), not MapLibre's.
// The framework types (`npm run analyze`) are written beside it, into dist/types/frameworks/.
//
//   node scripts/build-types.mjs [outdir]     (default: dist/types; emptied first)
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { rollup } from 'rollup';
import { dts } from 'rollup-plugin-dts';
// TypeScript 7 (the repository's compiler) has no JavaScript API yet; rollup-plugin-dts uses this one too.
import ts from '@typescript/typescript6';

const ROOT = resolve(import.meta.dirname, '..');

/**
 * The modules a declaration file needs from elsewhere, as TypeScript reads them: imports and
 * re-exports (`import("…")` types too), `/// <reference types|path>` and `declare module`s.
 * (`/// <reference lib>` names the compiler's own libraries, which every app has.)
 */
export function declarationReferences(text) {
  const found = ts.preProcessFile(text, true, true);
  return [...found.importedFiles, ...found.referencedFiles, ...found.typeReferenceDirectives, ...(found.ambientExternalModules ?? []).map((fileName) => ({ fileName }))]
    .map((reference) => reference.fileName);
}

/** Names a module exports as values (not `export type`): of `export { … }` and exported declarations. */
export function valueExports(text, fileName = 'module.ts') {
  const file = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false);
  const names = [];
  for (const statement of file.statements) {
    if (ts.isExportDeclaration(statement)) {
      if (statement.isTypeOnly || !statement.exportClause || !ts.isNamedExports(statement.exportClause)) continue;
      for (const element of statement.exportClause.elements) if (!element.isTypeOnly) names.push(element.name.text);
    } else if (ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) {
      if (ts.isClassDeclaration(statement) || ts.isFunctionDeclaration(statement) || ts.isEnumDeclaration(statement)) {
        if (statement.name) names.push(statement.name.text);
      } else if (ts.isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations) if (ts.isIdentifier(declaration.name)) names.push(declaration.name.text);
      }
    }
  }
  return names.sort();
}

export async function buildTypes(outdir = join(ROOT, 'dist/types')) {
  // Inside the repository, so that the declarations tsc writes resolve `lit` from its node_modules.
  const cache = join(ROOT, 'node_modules/.cache');
  mkdirSync(cache, { recursive: true });
  const scratch = mkdtempSync(join(cache, 'prison-map-types-'));
  try {
    await promisify(execFile)(join(ROOT, 'node_modules/.bin/tsc'), ['-p', join(ROOT, 'tsconfig.build.json'), '--outDir', scratch], { cwd: ROOT });
    const bundle = await rollup({
      input: join(scratch, 'index.d.ts'),
      plugins: [dts({ respectExternal: true })],
      onwarn(warning) {
        throw new Error(`rollup-plugin-dts: ${warning.message}`);
      },
    });
    rmSync(outdir, { recursive: true, force: true });
    const file = join(outdir, 'index.d.ts');
    await bundle.write({ file, format: 'es' });
    await bundle.close();
    const text = readFileSync(file, 'utf8');
    const references = declarationReferences(text);
    if (references.length > 0) throw new Error(`${file} still refers to ${references.join(', ')}: the package installs none of them`);
    // The bundler decides what is a value by its declaration: a constant exported as a type in
    // src/index.ts would come out as a value export that dist/prison-map.js does not have.
    const declared = valueExports(text, file).join(', ');
    const exported = valueExports(readFileSync(join(ROOT, 'src/index.ts'), 'utf8'), 'index.ts').join(', ');
    if (declared !== exported) throw new Error(`${file} exports the values ${declared}; src/index.ts exports ${exported}`);
    return file;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  await buildTypes(process.argv[2] ? resolve(process.argv[2]) : undefined);
}
