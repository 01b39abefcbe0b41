import { readdirSync, readFileSync, statSync } from 'fs';
import { dirname, join, normalize, relative } from 'path';

/*
 * The README's "Layout" rules, checked on the source: which room may import which, and that no
 * source file grows past about 400 lines. A new room or a new allowed import is a decision, to be
 * made here and in the README together.
 */

const SRC = join(__dirname, '..', 'src');

/** Each room and the rooms it may import from (itself always). */
const MAY_IMPORT: Readonly<Record<string, readonly string[] | 'anything'>> = {
  ffi: [],
  lisp: [],
  options: ['ffi', 'lisp'],
  text: ['lisp'],
  'process/core': ['ffi', 'lisp', 'options', 'text'],
  'process/sockets': ['ffi', 'lisp', 'options', 'process/core'],
  'process/stream': ['ffi', 'lisp', 'options', 'text', 'process/core', 'process/sockets'],
  'process/message': ['ffi', 'lisp', 'options', 'text', 'process/core', 'process/sockets'],
  'process/subprocess': ['ffi', 'lisp', 'options', 'text', 'process/core'],
  'process/server': [
    'ffi',
    'lisp',
    'options',
    'text',
    'process/core',
    'process/sockets',
    'process/stream',
    'process/message',
  ],
  'process/tls': ['lisp', 'text', 'process/core', 'process/stream'],
  'process/network-stream': ['lisp', 'text', 'process/core', 'process/functions', 'process/tls'],
  timers: ['lisp', 'text', 'process/core'],
  'process/functions': 'anything',
  '.': 'anything',
};

const MAX_LINES = 420;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** `ffi`, `process/core`, … for a path under src/ ('.' for src/index.ts). */
function roomOf(path: string): string {
  const parts = relative(SRC, path).split('/');
  if (parts.length === 1) return '.';
  return parts[0] === 'process' ? `process/${parts[1] ?? ''}` : (parts[0] ?? '');
}

/** The room an import specifier of `file` points into (a folder import means its index.ts). */
function importedRoom(file: string, specifier: string): string {
  const target = normalize(join(dirname(file), specifier));
  const isFolder = statSync(target, { throwIfNoEntry: false })?.isDirectory() ?? false;
  return roomOf(isFolder ? join(target, 'index.ts') : `${target}.ts`);
}

const files = sourceFiles(SRC);

test.each(files.map((file) => [relative(SRC, file), file]))(
  '%s imports only what its room may',
  (_, file) => {
    const room = roomOf(file);
    const allowed = MAY_IMPORT[room];
    expect(allowed).toBeDefined();
    if (allowed === 'anything' || allowed === undefined) return;
    const text = readFileSync(file, 'utf8');
    const offending = [...text.matchAll(/from '(\.[^']*)'/g)]
      .map((match) => importedRoom(file, match[1] ?? ''))
      .filter((target) => target !== room && !allowed.includes(target));
    expect(offending).toEqual([]);
  },
);

// src/index.ts is the exception: it is the public API as a list of names, one per line, and
// grows with it; it holds nothing else (checked below).
const sized = files.filter((file) => file !== join(SRC, 'index.ts'));
test.each(sized.map((file) => [relative(SRC, file), file]))(`%s is at most ${MAX_LINES} lines`, (_, file) => {
  expect(readFileSync(file, 'utf8').split('\n').length).toBeLessThanOrEqual(MAX_LINES);
});

test('src/index.ts holds only exports and comments', () => {
  const code = readFileSync(join(SRC, 'index.ts'), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '')
    .replace(/export (type )?\{[^}]*\} from '[^']*';/g, '')
    .trim();
  expect(code).toBe('');
});

test('src/index.ts lists its exports by name', () => {
  expect(readFileSync(join(SRC, 'index.ts'), 'utf8')).not.toMatch(/export \*/);
});
