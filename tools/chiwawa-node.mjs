// Runs a wasm32-wasi program under Node.js's WASI (preview1), as a native program would run:
//   node tools/chiwawa-node.mjs PROGRAM.wasm [ARGS...]
// Arguments, environment, stdin/stdout/stderr and the exit code pass straight through. Paths work as
// on the host: the host's "/" is preopened last and PWD is set to the current directory; the wasm
// build adopts PWD at startup (tools/wasi-pwd.c explains why wasi-libc needs that).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import process from 'node:process';
import v8 from 'node:v8';

// V8 optimises a wasm function once it has run "enough" code, counted in bytes of the function per
// loop iteration, and Node.js waits for optimisations in flight before it exits. chiwawa.wasm's
// interpreter loop is one 40 KB function, so with the default budget (1800000 in Node.js 20) any guest
// that runs a few hundred instructions starts a 40 ms optimisation that a short run then waits for at
// exit. With 220 times the budget the loop is optimised a little later in a run instead: short guests
// (0.1-0.3 s, bench/run --quick) run as fast or faster, and a start-up no longer waits.
v8.setFlagsFromString('--wasm-tiering-budget=400000000');

// node:wasi warns that it is experimental when it is loaded; keep stderr for the guest.
const emitWarning = process.emitWarning;
process.emitWarning = (warning, ...rest) => {
  const type = typeof rest[0] === 'string' ? rest[0] : rest[0]?.type;
  if (type === 'ExperimentalWarning' && String(warning?.message ?? warning).includes('WASI')) return;
  emitWarning.call(process, warning, ...rest);
};
let WASI;
try {
  ({ WASI } = await import('node:wasi'));
} catch {
  // Node.js 18 (Debian 12's) only provides node:wasi behind a flag: run again with it.
  const flag = '--experimental-wasi-unstable-preview1';
  if (process.execArgv.includes(flag)) throw new Error('this Node.js has no node:wasi');
  const child = spawnSync(process.execPath, [flag, '--no-warnings', ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(child.status ?? 1);
}

const [program, ...args] = process.argv.slice(2);
if (!program) {
  process.stderr.write('usage: chiwawa-node.mjs PROGRAM.wasm [ARGS...]\n');
  process.exit(2);
}
let bytes;
try {
  bytes = fs.readFileSync(program);
} catch (e) {
  process.stderr.write(`chiwawa-node: cannot read ${program}: ${e.message} (build it with tools/build?)\n`);
  process.exit(2);
}

const wasi = new WASI({
  version: 'preview1',
  args: [program, ...args],
  env: { ...process.env, PWD: process.cwd() },
  // Order matters: wasi-libc resolves paths against the last matching preopen, which must be "/".
  // "." comes first (fd 3) for guests that use the conventional first preopen directly.
  preopens: { '.': process.cwd(), '/': '/' },
  returnOnExit: true,
});

try {
  const instance = await WebAssembly.instantiate(await WebAssembly.compile(bytes), {
    wasi_snapshot_preview1: wasi.wasiImport, // getImportObject() is Node.js 20 only
  });
  process.exitCode = wasi.start(instance) ?? 0;
} catch (e) {
  // The program itself trapped (e.g. abort()): report it like a crash, with abort's exit status.
  process.stderr.write(`chiwawa-node: ${program}: ${e instanceof WebAssembly.RuntimeError ? 'wasm trap: ' : ''}${e.message}\n`);
  process.exitCode = 134;
}
