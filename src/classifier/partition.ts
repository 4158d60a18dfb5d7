/**
 * Which worker classifies a line of an event log (classify --jobs): a hash of the line's
 * interaction id, read from its bytes without parsing the line, so that every worker can read
 * the whole log and parse only its share. All the events of an interaction go to one worker.
 */

const KEY = Buffer.from('"interaction"');
const BACKSLASH = 0x5c;
const QUOTE = 0x22;
const COLON = 0x3a;

function isSpace(b: number | undefined): boolean {
  return b === 0x20 || b === 0x09 || b === 0x0d || b === 0x0a;
}

/**
 * The worker (0..jobs-1) of the line bytes[from, to). Without a backslash in the line, the
 * interaction is the string after the LAST `"interaction":` (JSON.parse keeps the last of a
 * repeated key; outside a string value those quotes can only open a key). A line with escapes
 * is parsed, so that `"\u0069nteraction"` or an escaped id decode as JSON.parse decodes them. A
 * line without a readable interaction goes to worker 0, whose reader rejects it at its line.
 */
export function workerOf(bytes: Buffer, from: number, to: number, jobs: number): number {
  if (nextBackslash(bytes, from) < to) return escapedLineWorker(bytes.toString("utf8", from, to), jobs);
  // Searched backwards from the last place the key fits inside the line: a key that ran on past
  // the line's end would be read out of the next line. And never from below `from`: lastIndexOf
  // counts a negative offset from the buffer's end, so a line that began the buffer with the key
  // and no colon (`"interaction"`) had the search start over at the end, for ever.
  const last = to - KEY.length;
  let at = last < from ? -1 : bytes.lastIndexOf(KEY, last);
  while (at >= from) {
    let i = skipBlanks(bytes, at + KEY.length, to);
    if (i < to && bytes[i] === COLON) {
      i = skipBlanks(bytes, i + 1, to);
      if (bytes[i] !== QUOTE) return 0;
      const end = bytes.indexOf(QUOTE, i + 1);
      if (end === -1 || end >= to) return 0;
      return fnv1a(bytes, i + 1, end) % jobs;
    }
    // The string "interaction" as a value, not the key: an earlier one may be the key.
    at = at > from ? bytes.lastIndexOf(KEY, at - 1) : -1;
  }
  return 0;
}

/** The first position at or after `i` in the line (ending at `to`) that is not a JSON blank. */
function skipBlanks(bytes: Buffer, i: number, to: number): number {
  let at = i;
  while (at < to && isSpace(bytes[at])) at++;
  return at;
}

/**
 * The first backslash at or after `from` in `bytes` (bytes.length when there is none),
 * remembered per buffer. Buffer.indexOf has no end bound, so asking it afresh for each line scans
 * on past the line to the chunk's next backslash, usually its end: a 256 KiB chunk of canonical
 * lines (which hold none) was scanned once per line, quadratic in the chunk, and cost the workers
 * more than the parsing they split. The lines of a chunk come in order, so one answer serves
 * every line before it. (A bounded scan of each line, in a loop or a subarray, measured about 50 %
 * slower here: 380 against 255 ns a line, with JSON.parse of the line at about 700. The cache's
 * bounds change only how often it scans again, not its answers.)
 */
let scanned: Buffer | undefined;
let scannedFrom = 0;
let slashAt = 0;
function nextBackslash(bytes: Buffer, from: number): number {
  if (bytes !== scanned || from < scannedFrom || slashAt < from) {
    scanned = bytes;
    const at = bytes.indexOf(BACKSLASH, from);
    slashAt = at === -1 ? bytes.length : at;
  }
  scannedFrom = from;
  return slashAt;
}

function escapedLineWorker(text: string, jobs: number): number {
  let id: unknown;
  try {
    // Any JSON value: a string or a number has no such property; null cannot hold a backslash.
    id = (JSON.parse(text) as { interaction?: unknown }).interaction;
  } catch {
    // Not JSON: no id, so worker 0, whose reader refuses the line at its number.
  }
  if (typeof id !== "string") return 0;
  const key = Buffer.from(id);
  return fnv1a(key, 0, key.length) % jobs;
}

/** FNV-1a, 32 bits, over the id's UTF-8 bytes: the same id gives the same worker in every worker. */
function fnv1a(bytes: Buffer, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    h ^= bytes[i] as number;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
