/**
 * The package root (package.json, cucumber.js, features/, examples/, sql/, gim-config.yaml),
 * whether this code runs from the TypeScript sources (src/) or compiled (dist/src/): dist/ is
 * one level deeper, and the files it reads at run time are not copied into it.
 */
import path from "node:path";

const above = path.resolve(__dirname, "..");

/** True when this is the compiled JavaScript under dist/ (`npm run build`), not the sources. */
export const COMPILED = path.basename(above) === "dist";

export const PACKAGE_ROOT = COMPILED ? path.dirname(above) : above;

/** Where the running code's own tree starts: dist/ when compiled, the package root otherwise. */
export const CODE_ROOT = above;
