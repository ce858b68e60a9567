#!/usr/bin/env node
// The `defecon` command line (`npx defecon workbook ...`, see README.md). It runs src/cli/main.ts
// from the TypeScript sources: as Node loads each module of src/, TypeScript (installed by
// `npm ci`) transpiles it to CommonJS in memory. No build step, nothing to go stale; the sources
// are type-checked by `npm run typecheck` as usual.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const ts = require('typescript');

const SRC = path.resolve(__dirname, '..', 'src') + path.sep;

// Only the project's own sources are transpiled; packages load as they are.
Module._extensions['.ts'] = (module, filename) => {
  if (!filename.startsWith(SRC)) throw new Error(`defecon: will not load TypeScript outside src/: ${filename}`);
  const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
    fileName: filename,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2020,
      esModuleInterop: true,
      resolveJsonModule: true,
      sourceMap: false,
      inlineSourceMap: true,
    },
  });
  module._compile(outputText, filename);
};

const { run } = require(path.join(SRC, 'cli', 'main.ts'));

run(process.argv.slice(2), {
  writeFile: (file, bytes) => fs.writeFileSync(file, bytes),
  print: (text) => process.stdout.write(`${text}\n`),
  fail: (text) => process.stderr.write(`${text}\n`),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`defecon: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  },
);
