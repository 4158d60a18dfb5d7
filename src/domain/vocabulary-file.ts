/**
 * The user's additions to the descriptor vocabulary, from a JSON file, so that names the public
 * docs leave out (the TECHNICAL_RESULT list is cut off, ROLE_REASON values are unknown) can be
 * used in features without a code change:
 *
 *   { "result": ["Stopped"], "roleReason": ["ConferenceInitiator"] }
 *
 * Found through `run --vocabulary FILE` (which sets GIM_VOCABULARY) or `vocabulary.json` in the
 * current directory.
 */

import { existsSync } from "node:fs";
import { InputError } from "../errors";
import { readInputText } from "../input-file";
import { type DescriptorColumn, Vocabulary, type VocabularyExtension } from "./vocabulary";

export const VOCABULARY_ENV = "GIM_VOCABULARY";
export const DEFAULT_VOCABULARY_FILE = "vocabulary.json";

const COLUMNS: readonly DescriptorColumn[] = ["role", "result", "reason", "roleReason"];

/** The file in force: the environment's, else vocabulary.json when present, else none. */
export function vocabularyFile(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const named = env[VOCABULARY_ENV];
  if (named !== undefined && named !== "") return named;
  return existsSync(DEFAULT_VOCABULARY_FILE) ? DEFAULT_VOCABULARY_FILE : undefined;
}

/** The standard vocabulary extended by `file`; throws InputError naming the file and field. */
export function loadVocabulary(file: string | undefined): Vocabulary {
  const standard = Vocabulary.standard();
  if (file === undefined) return standard;
  const text = readInputText(file, { what: "vocabulary file" });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new InputError(file, undefined, undefined, `not valid JSON: ${(e as Error).message}`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new InputError(file, undefined, undefined, `expected an object with any of ${COLUMNS.join(", ")}`);
  }
  const extension: VocabularyExtension = {};
  for (const [key, names] of Object.entries(value)) {
    const column = COLUMNS.find((c) => c === key);
    if (column === undefined) {
      throw new InputError(file, undefined, key, `unknown field; expected any of ${COLUMNS.join(", ")}`);
    }
    if (!Array.isArray(names) || !names.every((n): n is string => typeof n === "string")) {
      throw new InputError(file, undefined, key, "expected a list of names");
    }
    extension[column] = names;
  }
  try {
    return standard.extend(extension);
  } catch (e) {
    throw new InputError(file, undefined, undefined, (e as Error).message);
  }
}
