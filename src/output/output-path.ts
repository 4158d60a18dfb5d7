/**
 * Writing where the user pointed: a path that cannot take the output (a folder given as a file,
 * a file given as a folder, a read-only place, /proc) is bad input (exit 2) in one line naming
 * the path, never node's error text or an "internal error".
 */
import { closeSync, mkdirSync, openSync, readSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { InputError } from "../errors";
import { printable } from "../report/text-escape";

const WRITE_REASONS: Readonly<Record<string, string>> = {
  EISDIR: "is a folder, not a file",
  ENOTDIR: "a part of the path is a file, not a folder",
  EEXIST: "is a file, not a folder",
  ENOENT: "cannot be created there (no such folder)",
  EACCES: "permission denied",
  EPERM: "permission denied",
  EROFS: "read-only file system",
  ENAMETOOLONG: "file name too long",
  ELOOP: "too many symbolic links",
};

/** The path as the user would recognise it: relative to the working directory when under it. */
export function shownPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return printable(relative === "" ? "." : relative.startsWith("..") ? file : relative);
}

/**
 * A file-system failure writing `file` (for `option`) as an InputError; any other error, and one
 * that is the environment's fault rather than the path's (a full disk: ENOSPC, EIO), unchanged.
 */
export function asOutputError(error: unknown, file: string, option: string): unknown {
  if (error instanceof InputError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason = typeof code === "string" ? WRITE_REASONS[code] : undefined;
  if (reason === undefined) return error;
  return new InputError(shownPath(file), undefined, undefined, `${option}: ${reason}`);
}

/**
 * mkdir -p, one component at a time. Node 20's own `mkdir(dir, { recursive: true })` never returns
 * for a path under /proc (mkdir there answers ENOENT and node retries the parent forever), so
 * `spec --out /proc/gim/index.html` hung; here each component is created once or the call fails.
 */
export function makeDirs(dir: string, option: string): void {
  const absolute = path.resolve(dir);
  const missing: string[] = [];
  let current = absolute;
  for (;;) {
    let isDir: boolean | undefined;
    try {
      isDir = statSync(current).isDirectory();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw asOutputError(error, current, option);
    }
    if (isDir === true) break;
    if (isDir === false) {
      const reason =
        current === absolute ? "is a file, not a folder" : "a part of the path is a file, not a folder";
      throw new InputError(shownPath(absolute), undefined, undefined, `${option}: ${reason}`);
    }
    missing.unshift(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const component of missing) {
    try {
      mkdirSync(component);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST" && isDir(component)) continue;
      throw asOutputError(error, absolute, option);
    }
  }
}

function isDir(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

/** Writes `data` to `file`, creating its folder; a path that cannot take it is bad input. */
export function writeOutputFile(file: string, data: string, option: string): void {
  makeDirs(path.dirname(file), option);
  try {
    writeFileSync(file, data);
  } catch (error) {
    throw asOutputError(error, file, option);
  }
}

/**
 * Writes `data` to `file` only when no file is there yet (unless `force`): a tester's filled-in
 * manifest must not be replaced by a command that happens to name it.
 */
export function writeNewFile(file: string, data: string, option: string, force: boolean): void {
  makeDirs(path.dirname(file), option);
  try {
    writeFileSync(file, data, { flag: force ? "w" : "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") throw existsError(file, option);
    throw asOutputError(error, file, option);
  }
}

export function existsError(file: string, option: string): InputError {
  return new InputError(
    shownPath(file),
    undefined,
    undefined,
    `${option}: the file already exists; give a new file name, or --force to overwrite it`,
  );
}

/**
 * How a file of one kind of output is recognised as this tool's: a text every such file holds
 * within its first OWN_MARK_BYTES (a generator mark), or a test of the file's text.
 */
export type OwnMark = string | ((text: string) => boolean);

/** Marks sit in a file's head; a predicate gets at most this much of a big file. */
const OWN_MARK_BYTES = 64 * 1024;

/**
 * Refuses (exit 2) to replace a file that this tool did not write: users' files are never
 * overwritten by a command that happens to name them (`spec --out README.html`). A missing file,
 * or one carrying `mark`, may be written; a folder is refused as one.
 */
export function refuseForeignFile(
  file: string,
  option: string,
  mark: OwnMark,
  writer = "gim-conformance",
): void {
  let head: string;
  try {
    if (statSync(file).isDirectory()) {
      throw new InputError(shownPath(file), undefined, undefined, `${option}: ${WRITE_REASONS.EISDIR}`);
    }
    const fd = openSync(file, "r");
    try {
      const buffer = Buffer.alloc(typeof mark === "string" ? OWN_MARK_BYTES : statSync(file).size);
      head = buffer.toString("utf8", 0, readSync(fd, buffer, 0, buffer.length, 0));
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw asOutputError(error, file, option);
  }
  const ours = typeof mark === "string" ? head.includes(mark) : mark(head);
  if (!ours) {
    throw new InputError(
      shownPath(file),
      undefined,
      option,
      `exists and was not written by ${writer}; refusing to overwrite it (name a new file)`,
    );
  }
}

/** writeOutputFile for a file of this tool's own: refuses to replace one it did not write. */
export function writeOwnOutputFile(file: string, data: string, option: string, mark: OwnMark): void {
  if (typeof mark === "string" && !data.includes(mark)) {
    throw new Error(`internal: output for ${option} lacks its generator mark`);
  }
  refuseForeignFile(file, option, mark);
  writeOutputFile(file, data, option);
}
