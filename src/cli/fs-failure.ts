/**
 * The last net for a file-system error no command turned into an InputError: a path the user gave
 * that cannot be written or read as asked (a folder given as a file, a file given as a folder, a
 * read-only place) is bad input, told in one line naming the path, never an "internal error".
 */
import { asOutputError } from "../output/output-path";

export function fileSystemFailure(error: unknown): string | undefined {
  const failure = error as NodeJS.ErrnoException | undefined;
  if (typeof failure?.code !== "string" || typeof failure.path !== "string") return undefined;
  // ENOENT may be a read as well as a write: its message here would be a guess.
  if (failure.code === "ENOENT") return undefined;
  const mapped = asOutputError(error, failure.path, failure.syscall ?? "file");
  return mapped instanceof Error && mapped !== error ? mapped.message : undefined;
}
