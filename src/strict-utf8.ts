/**
 * Strict UTF-8 decoding for the text inputs (features, event logs). Buffer's own decoding turns
 * invalid bytes into U+FFFD without a word, so a Latin-1 file would run with mangled names; a
 * fatal TextDecoder refuses them instead, and the caller names the line.
 */
import { InputError } from "./errors";

// ignoreBOM: a decoder otherwise drops a U+FEFF at the start of every decode() call, and the
// event log reader decodes line by line: a mark starting a later line would vanish there, where
// the same log read in memory is refused. Only a file's first bytes may be a byte order mark: the
// line splitter drops an event log's, and Gherkin's parser a feature file's (test/run/feature-preflight).
const fatal = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** The bytes [from, to) as text, or undefined when they are not valid UTF-8. */
export function decodeUtf8(bytes: Uint8Array, from = 0, to = bytes.length): string | undefined {
  try {
    return fatal.decode(bytes.subarray(from, to));
  } catch {
    return undefined;
  }
}

/** The first byte of `bytes` that is not valid UTF-8, as 1-based line and column; undefined if all are. */
export function firstInvalidUtf8(
  bytes: Uint8Array,
): { line: number; column: number; byte: number } | undefined {
  const at = firstInvalidByte(bytes);
  if (at < 0) return undefined;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < at; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: at - lineStart + 1, byte: bytes[at] ?? 0 };
}

/** Index of the first byte that starts no well-formed UTF-8 sequence (Unicode table 3-7), or -1. */
function firstInvalidByte(bytes: Uint8Array): number {
  const inRange = (i: number, low: number, high: number) => {
    const b = bytes[i];
    return b !== undefined && b >= low && b <= high;
  };
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      if (b === 0xe0) low = 0xa0;
      if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      if (b === 0xf0) low = 0x90;
      if (b === 0xf4) high = 0x8f;
    } else return i;
    if (!inRange(i + 1, low, high)) return i;
    for (let k = 2; k < length; k++) if (!inRange(i + k, 0x80, 0xbf)) return i;
    i += length;
  }
  return -1;
}

/** The whole file as text; invalid UTF-8 is an InputError naming the file and the line. */
export function decodeUtf8File(bytes: Uint8Array, file: string, what: string): string {
  const text = decodeUtf8(bytes);
  if (text !== undefined) return text;
  const bad = firstInvalidUtf8(bytes);
  throw new InputError(file, bad?.line, undefined, invalidUtf8Problem(what, bad));
}

export function invalidUtf8Problem(what: string, bad: { column: number; byte: number } | undefined): string {
  const at =
    bad === undefined
      ? ""
      : ` (byte 0x${bad.byte.toString(16).toUpperCase().padStart(2, "0")} at column ${bad.column})`;
  return `not valid UTF-8${at}; save the ${what} as UTF-8 (it may be Latin-1 or Windows-1252)`;
}
