/**
 * Transpiles src/ and bench/ to plain JavaScript in bench/.build (git-ignored), so that every
 * measured process runs `node file.js`: no ts-node, and no TypeScript compiler in the measured
 * heap or start-up. Transpile only (no type check: `npm run typecheck` does that), so a file
 * another engineer is halfway through editing elsewhere in src/ does not stop the benchmarks.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const BUILD_DIR = path.join(REPO_ROOT, 'bench', '.build');

const COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.CommonJS,
  esModuleInterop: true,
  // Inline source maps: CPU profiles (node --cpu-prof) then point at the TypeScript.
  inlineSourceMap: true,
  inlineSources: true,
};

function tsFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== '.build' && entry.name !== 'results' && entry.name !== 'node_modules')
        found.push(...tsFiles(full));
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
      found.push(full);
    }
  }
  return found;
}

/** The built path of a TypeScript source file under the repository (e.g. bench/servers/raw-server.ts). */
export function builtPath(relativeTs: string): string {
  return path.join(BUILD_DIR, relativeTs.replace(/\.ts$/, '.js'));
}

/** Transpiles src/**.ts and bench/**.ts into bench/.build, replacing what was there. */
export function buildForBenchmarks(): void {
  fs.rmSync(BUILD_DIR, { recursive: true, force: true });
  for (const top of ['src', 'bench']) {
    for (const file of tsFiles(path.join(REPO_ROOT, top))) {
      const relative = path.relative(REPO_ROOT, file);
      const output = ts.transpileModule(fs.readFileSync(file, 'utf8'), {
        compilerOptions: COMPILER_OPTIONS,
        fileName: file,
      });
      const target = builtPath(relative);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, output.outputText);
    }
  }
}
