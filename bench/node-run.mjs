// Runs a benchmark guest directly on Node.js (the JIT ceiling): instantiates it and prints run()'s result.
//   node bench/node-run.mjs GUEST.wasm
import fs from 'node:fs';

const { instance } = await WebAssembly.instantiate(fs.readFileSync(process.argv[2]));
console.log(BigInt.asIntN(64, BigInt(instance.exports.run())).toString());
