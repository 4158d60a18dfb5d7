/**
 * The text of each page of a PDF that Chromium printed (Skia's PDF backend): enough of PDF to
 * check what a printed report shows, e.g. its page numbers, without a PDF library. Fonts are
 * Type0 with a ToUnicode CMap and text is drawn with `<hex> Tj` / `[...] TJ`, which is all this
 * reads; anything else is skipped, so a check built on it can only fail to find text, never invent it.
 */
import { inflateSync } from "node:zlib";

interface PdfObject {
  dict: string;
  stream?: Buffer;
}

function objects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString("latin1");
  const out = new Map<number, PdfObject>();
  for (const m of text.matchAll(/(\d+) 0 obj\b([\s\S]*?)endobj/g)) {
    const body = m[2] ?? "";
    const at = body.indexOf("stream");
    if (at < 0) {
      out.set(Number(m[1]), { dict: body });
      continue;
    }
    const start = (m.index ?? 0) + (m[0].length - body.length - "endobj".length) + at + "stream".length;
    const dataStart = text[start] === "\r" ? start + 2 : start + 1;
    const dataEnd = text.indexOf("endstream", dataStart);
    let stream = pdf.subarray(dataStart, dataEnd);
    if (/\/FlateDecode/.test(body.slice(0, at))) {
      try {
        stream = inflateSync(stream);
      } catch {
        // A stream that does not inflate holds no text this reader can use.
      }
    }
    out.set(Number(m[1]), { dict: body.slice(0, at), stream });
  }
  return out;
}

/** A dictionary entry that is either inline `<< … >>` or a reference `N 0 R`. */
function entry(dict: string, key: string, all: Map<number, PdfObject>): string | undefined {
  const ref = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(dict);
  if (ref !== null) return all.get(Number(ref[1]))?.dict;
  const at = dict.indexOf(`/${key}`);
  if (at < 0) return undefined;
  const open = dict.indexOf("<<", at);
  let depth = 0;
  for (let i = open; i < dict.length - 1; i++) {
    if (dict.startsWith("<<", i)) depth++;
    if (dict.startsWith(">>", i) && --depth === 0) return dict.slice(open, i + 2);
  }
  return undefined;
}

function cmap(text: string): Map<number, string> {
  const map = new Map<number, string>();
  const hex = (h: string) => Number.parseInt(h, 16);
  const unicode = (h: string) => String.fromCharCode(...(h.match(/.{4}/g) ?? []).map(hex));
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of (block[1] ?? "").matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      map.set(hex(m[1] ?? ""), unicode(m[2] ?? ""));
    }
  }
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of (block[1] ?? "").matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const first = hex(m[1] ?? "");
      const to = hex(m[3] ?? "");
      for (let c = first; c <= hex(m[2] ?? ""); c++) map.set(c, String.fromCharCode(to + c - first));
    }
  }
  return map;
}

/** Each page's text, in page order; text objects are concatenated as drawn. */
export function pdfPageTexts(pdf: Buffer): string[] {
  const all = objects(pdf);
  const kidsOf = (dict: string) =>
    [...(/\/Kids\s*\[([^\]]*)\]/.exec(dict)?.[1] ?? "").matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]));
  // The page tree: the root is the Pages node no other node lists as a kid; inner nodes hold more kids.
  const pageNodes = [...all.entries()].filter(([, o]) => /\/Type\s*\/Pages\b/.test(o.dict));
  const inner = new Set(pageNodes.flatMap(([, o]) => kidsOf(o.dict)));
  const root = pageNodes.find(([id]) => !inner.has(id));
  const leaves = (id: number): number[] => {
    const dict = all.get(id)?.dict ?? "";
    return /\/Type\s*\/Pages\b/.test(dict) ? kidsOf(dict).flatMap(leaves) : [id];
  };
  const kids = root === undefined ? [] : leaves(root[0]);
  return kids.map((id) => {
    const page = all.get(id)?.dict ?? "";
    const fonts = entry(entry(page, "Resources", all) ?? "", "Font", all) ?? "";
    const maps = new Map<string, Map<number, string>>();
    for (const m of fonts.matchAll(/\/([\w.-]+)\s+(\d+) 0 R/g)) {
      const font = all.get(Number(m[2]))?.dict ?? "";
      const toUnicode = /\/ToUnicode\s+(\d+) 0 R/.exec(font);
      const stream = toUnicode === null ? undefined : all.get(Number(toUnicode[1]))?.stream;
      maps.set(m[1] ?? "", stream === undefined ? new Map() : cmap(stream.toString("latin1")));
    }
    const contents = [
      ...(/\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/.exec(page)?.[1] ?? "").matchAll(/(\d+) 0 R/g),
    ].map((m) => all.get(Number(m[1]))?.stream?.toString("latin1") ?? "");
    let current = new Map<number, string>();
    let out = "";
    for (const content of contents) {
      for (const m of content.matchAll(/\/([\w.-]+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>|\bET\b/g)) {
        if (m[1] !== undefined) current = maps.get(m[1]) ?? new Map();
        else if (m[2] !== undefined) {
          for (const code of m[2].match(/.{4}/g) ?? []) out += current.get(Number.parseInt(code, 16)) ?? "";
        } else out += "\n";
      }
    }
    return out;
  });
}
