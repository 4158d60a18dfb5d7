"use strict";
// Preloaded with `node --require` by the lazy-loading tests: when the process exits, writes the
// absolute path of every CommonJS module it loaded, one a line, to $GIM_LOADED_MODULES_OUT.
const fs = require("node:fs");

const out = process.env.GIM_LOADED_MODULES_OUT;
if (out !== undefined && out !== "") {
  process.on("exit", () => {
    fs.writeFileSync(out, `${Object.keys(require.cache).join("\n")}\n`);
  });
}
