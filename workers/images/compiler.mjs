// Compiles image programs in plain Node, for workers/images/build-images.ts: asc and binaryen are
// multi-megabyte bundles that tsx would transform on every load, and loading them once per
// process for several programs beats loading them per program. Each program is compiled by
// asc, checked for imports kubetab does not provide, instrumented by Asyncify for the blocking
// imports, optimised (-O: optimize level 2, shrink level 1) and written atomically.
//
// Usage: node compiler.mjs JOB_JSON, where the job is
// { sourceDir, buildDir, programs, ascFlags, blockingImports, allowedModules }.
// Prints one JSON line per built program: { program, bytes }.

import asc from 'assemblyscript/asc';
import binaryen from 'binaryen';
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const job = JSON.parse(process.argv[2]);

const FEATURES =
  binaryen.Features.MutableGlobals |
  binaryen.Features.SignExt |
  binaryen.Features.NontrappingFPToInt |
  binaryen.Features.BulkMemory |
  binaryen.Features.BulkMemoryOpt;

async function compile(program) {
  let binary;
  let diagnostics = '';
  const stream = asc.createMemoryStream((chunk) => {
    diagnostics += typeof chunk === 'string' ? chunk : new TextDecoder().decode(chunk);
  });
  const { error } = await asc.main([`${program}/main.ts`, '--baseDir', job.sourceDir, '--outFile', `${program}.wasm`, ...job.ascFlags], {
    stdout: stream,
    stderr: stream,
    writeFile: (name, contents) => {
      if (name.endsWith('.wasm') && contents instanceof Uint8Array) binary = contents;
    },
  });
  if (error || !binary) throw new Error(`asc failed for ${program}:\n${diagnostics || String(error)}`);
  return binary;
}

function checkImports(program, module) {
  for (let i = 0; i < module.getNumFunctions(); i++) {
    const info = binaryen.getFunctionInfo(module.getFunctionByIndex(i));
    if (info.module && !job.allowedModules.includes(info.module)) {
      throw new Error(`${program} imports ${info.module}.${info.base}, which kubetab does not provide`);
    }
  }
}

function asyncify(program, binary) {
  const module = binaryen.readBinaryWithFeatures(binary, FEATURES);
  try {
    checkImports(program, module);
    binaryen.setOptimizeLevel(2);
    binaryen.setShrinkLevel(1);
    binaryen.setPassArgument('asyncify-imports', job.blockingImports.join(','));
    module.runPasses(['asyncify']);
    module.optimize();
    if (!module.validate()) throw new Error(`${program}: binaryen produced an invalid module`);
    return module.emitBinary();
  } finally {
    module.dispose();
  }
}

for (const program of job.programs) {
  const output = join(job.buildDir, `${program}.wasm`);
  const bytes = asyncify(program, await compile(program));
  writeFileSync(`${output}.partial`, bytes);
  renameSync(`${output}.partial`, output);
  console.log(JSON.stringify({ program, bytes: bytes.length }));
}
