/**
 * Reading a file the user named (an event log, a manifest, an export, a snapshot, expectations,
 * a vocabulary): a file-system failure becomes an InputError (exit 2) with a plain reason
 * instead of node's error text, the same way for every kind of input.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "./errors";

const FS_REASONS: Readonly<Record<string, string>> = {
  ENOENT: "no such file",
  EISDIR: "is a directory, not a file",
  EACCES: "permission denied",
  EPERM: "permission denied",
  ENOTDIR: "no such file (a part of the path is not a directory)",
  ELOOP: "too many symbolic links",
  ENAMETOOLONG: "file name too long",
};

export interface InputKind {
  /** What the file is, for messages: "manifest", "export", "event log"… */
  what: string;
  /** The reason given when it does not exist (default "no such file"). */
  notFound?: string;
}

/** A file-system failure reading `file` as an InputError; any other error is returned unchanged. */
export function asInputError(error: unknown, file: string, kind: InputKind = { what: "file" }): unknown {
  if (error instanceof InputError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== "string") return error;
  const known = code === "ENOENT" ? kind.notFound : undefined;
  const reason = known ?? FS_REASONS[code] ?? `cannot read the ${kind.what} (${code})`;
  return new InputError(file, undefined, undefined, reason);
}

/** The file's text; a file-system failure is an InputError naming the file. */
export function readInputText(file: string, kind: InputKind = { what: "file" }): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    throw asInputError(error, file, kind);
  }
}

/** Every file under `dir` (recursively) whose name ends with `extension`, sorted; InputError if unreadable. */
export function filesUnder(dir: string, extension: string, kind: InputKind): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile() && e.name.endsWith(extension))
      .map((e) => join(e.parentPath ?? e.path, e.name))
      .sort();
  } catch (error) {
    throw asInputError(error, dir, kind);
  }
}
