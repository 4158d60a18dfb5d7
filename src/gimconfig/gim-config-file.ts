/**
 * Reading a GIM configuration file (YAML):
 *
 *   gim:
 *     populate-mm-ixnqueue-facts: false
 *     stop-ixn-queues: [Chat_Stop]
 *   chat-server:
 *     stop-abandoned-interaction: noanswer
 *
 * Found through `run --gim-config FILE` (which sets GIM_CONFIG), else `gim-config.yaml` in the
 * current directory, else the harness's own `gim-config.yaml`: the settings the lab kit asks a
 * lab to run with. An option the file leaves out takes its documented default.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { InputError } from "../errors";
import { readInputText } from "../input-file";
import { PACKAGE_ROOT } from "../package-root";
import {
  BUNDLED_GIM_CONFIG,
  DOCUMENTED_DEFAULTS,
  type GimConfig,
  type StopAbandonedInteraction,
} from "./gim-config";

export const GIM_CONFIG_ENV = "GIM_CONFIG";
export const DEFAULT_GIM_CONFIG_FILE = "gim-config.yaml";
/** The harness's own file: the lab kit's settings, which the shipped flows assume. */
export const BUNDLED_GIM_CONFIG_FILE = resolve(PACKAGE_ROOT, DEFAULT_GIM_CONFIG_FILE);
/**
 * SHA-256 of the harness's own file as shipped (test/gimconfig/bundled-config.test.ts holds it to
 * the file). Only that exact text is answered from BUNDLED_GIM_CONFIG: a copy edited in place (a
 * tester changing the checkout's gim-config.yaml for their lab) is parsed like any other file.
 */
export const BUNDLED_GIM_CONFIG_SHA256 = "f3b15efbfca970ac146db5e43fa6c9cc8843c64201cfb24180f45ac7141bc97f";

const STOP_VALUES: readonly StopAbandonedInteraction[] = ["never", "noanswer", "always"];
const SECTIONS: Readonly<Record<string, readonly string[]>> = {
  gim: ["populate-mm-ixnqueue-facts", "stop-ixn-queues"],
  "chat-server": ["stop-abandoned-interaction"],
};
/** A queue name GIM can hold: 1 to 255 characters, none of them a control character. */
function isQueueName(q: string): boolean {
  return (
    q.length <= 255 &&
    [...q].every((c) => {
      const code = c.codePointAt(0) ?? 0;
      return code >= 0x20 && code !== 0x7f;
    })
  );
}

/** The file in force: the environment's, else ./gim-config.yaml when present, else the bundled one. */
export function gimConfigFile(env: NodeJS.ProcessEnv = process.env): string {
  const named = env[GIM_CONFIG_ENV];
  if (named !== undefined && named !== "") return named;
  return existsSync(DEFAULT_GIM_CONFIG_FILE) ? DEFAULT_GIM_CONFIG_FILE : BUNDLED_GIM_CONFIG_FILE;
}

export interface LoadedGimConfig {
  config: GimConfig;
  /** The file it came from, for reports. */
  file: string;
}

/** The configuration in `file`; throws InputError naming the file, line and option. */
export function loadGimConfig(file: string = gimConfigFile()): LoadedGimConfig {
  // The harness's own file, unchanged, is known without parsing it, so that `classify` loads no
  // YAML parser and `run` parses nothing when no other configuration is given (issue 14); a test holds
  // BUNDLED_GIM_CONFIG to the file. It is found by its path from anywhere, `run` from the
  // package's own folder included (where gimConfigFile() names it relatively).
  if (resolve(file) === BUNDLED_GIM_CONFIG_FILE && isBundledGimConfigText(file)) {
    return { config: { ...BUNDLED_GIM_CONFIG, stopIxnQueues: [...BUNDLED_GIM_CONFIG.stopIxnQueues] }, file };
  }
  return parseGimConfig(file);
}

/** Whether `file` holds the bundled configuration's exact text; unreadable is for parseGimConfig to report. */
export function isBundledGimConfigText(file: string): boolean {
  try {
    return createHash("sha256").update(readFileSync(file)).digest("hex") === BUNDLED_GIM_CONFIG_SHA256;
  } catch {
    return false;
  }
}

/** The configuration in `file`, read and parsed (YAML loaded only now). */
export function parseGimConfig(file: string): LoadedGimConfig {
  const { parseDocument }: typeof import("yaml") = require("yaml");
  const text = readInputText(file, { what: "GIM configuration file" });
  const doc = parseDocument(text, { prettyErrors: false });
  const lineOf = (offset: number | undefined): number | undefined =>
    offset === undefined ? undefined : text.slice(0, offset).split("\n").length;
  const first = doc.errors[0];
  if (first !== undefined) {
    throw new InputError(
      file,
      lineOf(first.pos[0]),
      undefined,
      `not valid YAML: ${first.message.split("\n")[0]}`,
    );
  }
  const value: unknown = doc.toJS();
  const config: { -readonly [K in keyof GimConfig]: GimConfig[K] } = { ...DOCUMENTED_DEFAULTS };
  if (value === null || value === undefined) return { config, file };
  const at = (path: string[]): number | undefined => {
    const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
    return lineOf(node?.range?.[0]);
  };
  if (!isRecord(value)) {
    throw new InputError(
      file,
      undefined,
      undefined,
      `expected the sections ${Object.keys(SECTIONS).join(" and ")}`,
    );
  }
  for (const [section, options] of Object.entries(value)) {
    const known = SECTIONS[section];
    if (known === undefined) {
      throw new InputError(
        file,
        at([section]),
        section,
        `unknown section; expected ${Object.keys(SECTIONS).join(" or ")}`,
      );
    }
    if (options === null) continue;
    if (!isRecord(options))
      throw new InputError(file, at([section]), section, "expected its options, one per line");
    for (const [option, v] of Object.entries(options)) {
      const line = at([section, option]);
      const field = `${section}.${option}`;
      if (!known.includes(option)) {
        throw new InputError(file, line, field, `unknown option; ${section} takes ${known.join(", ")}`);
      }
      if (option === "populate-mm-ixnqueue-facts") {
        if (typeof v !== "boolean") throw new InputError(file, line, field, "expected true or false");
        config.populateMmIxnqueueFacts = v;
      } else if (option === "stop-ixn-queues") {
        config.stopIxnQueues = queueList(v, file, line, field);
      } else {
        const s = STOP_VALUES.find((x) => x === v);
        if (s === undefined)
          throw new InputError(file, line, field, `expected one of ${STOP_VALUES.join(", ")}`);
        config.stopAbandonedInteraction = s;
      }
    }
  }
  return { config, file };
}

/** GIM takes a comma-separated list; YAML users write a list. Both are accepted. */
function queueList(v: unknown, file: string, line: number | undefined, field: string): string[] {
  if (v === null || v === "") return [];
  const items = typeof v === "string" ? v.split(",") : Array.isArray(v) ? v : undefined;
  if (items === undefined || !items.every((q): q is string => typeof q === "string")) {
    throw new InputError(file, line, field, "expected a list of interaction queue names");
  }
  const names = items.map((q) => q.trim()).filter((q) => q !== "");
  for (const q of names) {
    if (!isQueueName(q))
      throw new InputError(file, line, field, `"${JSON.stringify(q).slice(1, -1)}" is not a queue name`);
  }
  return names;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
