import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '..');

// One CommonJS build serves require() and import alike: a second (ESM) copy would give importers
// their own process registry and symbol table.
describe('the built package', () => {
  let scratch: string;

  beforeAll(() => {
    // What `npm run build` does: a file left from an older layout (dist/text/buffer.d.ts beside
    // the newer dist/text/buffer/) would shadow the new one.
    fs.rmSync(path.join(root, 'dist'), { recursive: true, force: true });
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
      cwd: root,
    });
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'elproc-pkg-'));
  }, 120_000);

  afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

  test('is importable with require()', () => {
    const out = execFileSync(
      process.execPath,
      [
        '-e',
        `const e = require(${JSON.stringify(root)}); console.log(typeof e.makeNetworkProcess, e.prin1ToString(e.t))`,
      ],
      { encoding: 'utf8' },
    );
    expect(out.trim()).toBe('function t');
  });

  test('is importable with import, sharing one symbol table with require()', () => {
    const file = path.join(scratch, 'probe.mjs');
    const entry = JSON.stringify(path.join(root, 'dist', 'index.js'));
    fs.writeFileSync(
      file,
      `import { intern, el } from ${entry};\n` +
        `import { createRequire } from 'node:module';\n` +
        `const cjs = createRequire(import.meta.url)(${entry});\n` +
        `console.log(intern('x') === cjs.intern('x'), typeof el['make-network-process']);\n`,
    );
    expect(execFileSync(process.execPath, [file], { encoding: 'utf8' }).trim()).toBe('true function');
  });

  test('ships declarations generated from the source, without @internal members', () => {
    expect(fs.existsSync(path.join(root, 'dist', 'index.d.ts'))).toBe(true);
    expect(
      fs.readFileSync(path.join(root, 'dist', 'process', 'functions', 'make-network-process.d.ts'), 'utf8'),
    ).toContain('makeNetworkProcess');
    const buffer = fs.readFileSync(path.join(root, 'dist', 'text', 'buffer', 'lisp-buffer.d.ts'), 'utf8');
    expect(buffer).toContain('class LispBuffer');
    expect(buffer).toContain('get multibyte()');
    expect(buffer).not.toContain('insertCodes');
    expect(buffer).not.toContain('charAt');
  });

  test('its declarations type-check in a strict TypeScript project', () => {
    const file = path.join(scratch, 'consumer.ts');
    fs.writeFileSync(
      file,
      `import { makeNetworkProcess, processContact, prin1ToString, t } from ${JSON.stringify(path.join(root, 'dist'))};\n` +
        `export async function main(): Promise<string> {\n` +
        `  const server = await makeNetworkProcess(':name', 'srv', ':server', t, ':service', t);\n` +
        `  return server === null ? '' : prin1ToString(processContact(server, t));\n` +
        `}\n`,
    );
    execFileSync(
      process.execPath,
      [
        require.resolve('typescript/bin/tsc'),
        '--noEmit',
        '--strict',
        '--types',
        'node',
        '--skipLibCheck',
        'false',
        file,
      ],
      { cwd: root, encoding: 'utf8' },
    );
  });
});
