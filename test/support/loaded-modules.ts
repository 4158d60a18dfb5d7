/**
 * Which modules a command loads: runs bin/gim-conformance.js (or another entry) in a child process
 * preloaded with record-loaded-modules.js, and names the packages of node_modules it loaded.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const HOOK = path.join(__dirname, "record-loaded-modules.js");

/** Packages no command may load unless it needs them (issue 14): what --version, validate, classify must not. */
export const HEAVY_PACKAGES: readonly RegExp[] = [
  /^@cucumber\//,
  /^pg$/,
  /^pg-/,
  /^allure-/,
  /^playwright/,
  /^yaml$/,
];

/** The TypeScript compiler and its helpers: what compiled code must never load. */
export const TYPESCRIPT_PACKAGES: readonly RegExp[] = [/^ts-node$/, /^typescript$/, /^@swc\//];

export interface LoadedRun {
  status: number | null;
  stdout: string;
  stderr: string;
  /** Absolute paths of every CommonJS module loaded. */
  files: string[];
  /** Names of the node_modules packages among them ("@scope/name" or "name"). */
  packages: Set<string>;
}

export function packageOf(file: string): string | undefined {
  const at = file.lastIndexOf(`${path.sep}node_modules${path.sep}`);
  if (at < 0) return undefined;
  const parts = file.slice(at + "/node_modules/".length).split(path.sep);
  return parts[0]?.startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0];
}

export function runRecordingModules(
  entry: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; input?: string },
): LoadedRun {
  const dir = mkdtempSync(path.join(os.tmpdir(), "gim-loaded-"));
  const out = path.join(dir, "modules.txt");
  try {
    const env: NodeJS.ProcessEnv = { ...process.env, ...options.env, GIM_LOADED_MODULES_OUT: out };
    delete env.GIM_DATABASE_URL;
    for (const [k, v] of Object.entries(options.env ?? {})) if (v === undefined) delete env[k];
    const ran = spawnSync(process.execPath, ["--require", HOOK, entry, ...args], {
      cwd: options.cwd,
      env,
      input: options.input,
      encoding: "utf8",
      timeout: 120_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    let files: string[] = [];
    try {
      files = readFileSync(out, "utf8").split("\n").filter(Boolean);
    } catch {
      // No list: the process died before exiting normally; the caller sees the status.
    }
    const packages = new Set<string>();
    for (const file of files) {
      const name = packageOf(file);
      if (name !== undefined) packages.add(name);
    }
    return { status: ran.status, stdout: ran.stdout, stderr: ran.stderr, files, packages };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The loaded packages matching any of `patterns`, sorted. */
export function matching(packages: ReadonlySet<string>, patterns: readonly RegExp[]): string[] {
  return [...packages].filter((p) => patterns.some((re) => re.test(p))).sort();
}
