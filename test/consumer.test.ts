/**
 * The package as a consumer gets it: `npm pack`, then installed from the tarball into fresh
 * CommonJS, ESM and strict TypeScript projects, each of which runs an echo server and a client
 * on loopback. The install must not compile anything (the ffi-napi backend's packages are
 * optional peers, never installed unasked) and the tarball must hold what it needs and nothing
 * that points elsewhere (no source maps of sources it does not ship).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  devDependencies: Record<string, string>;
};

let scratch: string;
let tarball: string;
let files: string[];

function run(command: string, args: string[], cwd: string): string {
  return execFileSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      npm_config_update_notifier: 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'elproc-consumer-'));
  // prepack is not needed: `prepare` builds dist, which npm pack runs.
  const packed = JSON.parse(run(npm, ['pack', '--json', '--pack-destination', scratch], root)) as Array<{
    filename: string;
    files: Array<{ path: string }>;
  }>;
  const first = packed[0];
  if (first === undefined) throw new Error('npm pack reported nothing');
  tarball = path.join(scratch, first.filename);
  files = first.files.map((file) => file.path);
}, 180_000);

afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

test('the tarball ships the build, the ESM entry, both declarations, LICENSE and CHANGELOG, and no source maps', () => {
  for (const needed of [
    'package.json',
    'README.md',
    'LICENSE',
    'CHANGELOG.md',
    'dist/index.js',
    'dist/index.d.ts',
    'esm/index.mjs',
    'esm/index.d.mts',
  ]) {
    expect(files).toContain(needed);
  }
  expect(files.filter((file) => file.endsWith('.map'))).toEqual([]);
  expect(files.filter((file) => file.startsWith('src/') || file.startsWith('test/'))).toEqual([]);
});

/** The same echo round trip in each kind of project, printing one line. */
const ECHO_BODY = `
const server = await makeNetworkProcess(':name', 'echo', ':server', t, ':service', t, ':host', '127.0.0.1',
  ':filter', (proc, text) => processSendString(proc, text));
let reply = '';
const client = await makeNetworkProcess(':name', 'client', ':host', '127.0.0.1',
  ':service', processContact(server, ':service'), ':filter', (_proc, text) => { reply += text; });
processSendString(client, 'ping');
while (reply !== 'ping') await acceptProcessOutput(client, 1);
console.log(reply, prin1ToString(processStatus(client)), prin1ToString(el['process-name'](server)));
deleteProcess(client);
deleteProcess(server);
`;
const NAMES =
  'makeNetworkProcess, processSendString, processContact, acceptProcessOutput, processStatus, prin1ToString, deleteProcess, el, t';

interface Project {
  readonly kind: string;
  readonly packageJson: Record<string, unknown>;
  readonly files: Record<string, string>;
  readonly extraInstall: string[];
  readonly command: (dir: string) => [string, string[]];
}

const PROJECTS: Project[] = [
  {
    kind: 'CommonJS',
    packageJson: { name: 'consumer-cjs', private: true },
    files: {
      'index.js': `const { ${NAMES} } = require('elproc');\n(async () => {${ECHO_BODY}})();\n`,
    },
    extraInstall: [],
    command: () => [process.execPath, ['index.js']],
  },
  {
    kind: 'ESM',
    packageJson: { name: 'consumer-esm', private: true, type: 'module' },
    files: { 'index.js': `import { ${NAMES} } from 'elproc';\n${ECHO_BODY}` },
    extraInstall: [],
    command: () => [process.execPath, ['index.js']],
  },
  {
    kind: 'strict TypeScript',
    packageJson: { name: 'consumer-ts', private: true, type: 'module' },
    files: {
      'tsconfig.json': JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'nodenext',
          moduleResolution: 'nodenext',
          strict: true,
          noUncheckedIndexedAccess: true,
          outDir: 'out',
          types: ['node'],
        },
        include: ['index.ts'],
      }),
      'index.ts':
        `import { ${NAMES} } from 'elproc';\nimport type { NetworkProcess } from 'elproc';\n` +
        ECHO_BODY.replace('(proc, text)', '(proc: NetworkProcess, text: string)').replace(
          '(_proc, text)',
          '(_proc: NetworkProcess, text: string)',
        ),
    },
    extraInstall: [`@types/node@${manifest.devDependencies['@types/node'] ?? ''}`],
    command: (dir) => [process.execPath, [path.join(dir, 'out', 'index.js')]],
  },
];

test.each(PROJECTS.map((project) => [project.kind, project] as const))(
  'a fresh %s project installs the tarball without compiling anything and runs an echo server and client',
  (_kind, project) => {
    const dir = path.join(scratch, project.packageJson.name as string);
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(project.packageJson, null, 2));
    for (const [name, text] of Object.entries(project.files)) fs.writeFileSync(path.join(dir, name), text);
    // From npm's cache only: `npm test` runs in a namespace that resolves no registry host, and
    // `npm ci` has cached every package the tarball needs (and @types/node, a dev dependency).
    run(npm, ['install', '--offline', '--foreground-scripts', tarball, ...project.extraInstall], dir);
    // The optional peers of the second FFI backend are not installed, so nothing was built.
    expect(fs.existsSync(path.join(dir, 'node_modules', '@2060.io'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'node_modules', 'ref-struct-di'))).toBe(false);
    if (project.kind === 'strict TypeScript') {
      run(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json'], dir);
    }
    const [command, args] = project.command(dir);
    expect(run(command, args, dir).trim()).toBe('ping open "echo"');
  },
  180_000,
);
