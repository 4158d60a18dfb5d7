/**
 * printable() is what stands between input and the terminal in every message that quotes it.
 */
import { test } from "node:test";
import { expect } from "chai";
import { printable } from "../../src/report/text-escape";

test("printable escapes C0 and C1 control characters, DEL, and shows an empty value", () => {
  expect(printable("a\u001b[2Jb")).to.equal("a\\u001b[2Jb");
  expect(printable("line\nforged")).to.equal("line\\nforged");
  // U+009B is a one-character CSI: some terminals obey it like ESC [.
  expect(printable("\u009b2J")).to.equal("\\u009b2J");
  expect(printable("\u0085\u007f")).to.equal("\\u0085\\u007f");
  expect(printable("")).to.equal('""');
});

test("printable leaves printable text alone, accents and non-Latin scripts included", () => {
  for (const text of ["Agent1", "Chat_Inbound", "Fran\u00e7oise M\u00fcller", "\u00a0nbsp", "\u4ee3\u7406"])
    expect(printable(text)).to.equal(text);
});
