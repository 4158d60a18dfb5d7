/**
 * Just enough Markdown for a feature's narrative: paragraphs, `>` blockquotes (the Guide's own
 * words), `-`/`*` lists, `**bold**`, `_emphasis_` and `` `code` ``. Everything is escaped first,
 * so a feature can never inject markup into the spec book.
 */
import { escapeXml } from "../report/text-escape";

const LIST_ITEM = /^\s*[-*]\s+/;
const QUOTE = /^\s*>\s?/;

export function renderMarkdown(text: string): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? "";
    if (line.trim() === "") {
      i++;
    } else if (QUOTE.test(line)) {
      const quoted: string[] = [];
      while (i < lines.length && QUOTE.test(lines[i] ?? ""))
        quoted.push((lines[i++] ?? "").replace(QUOTE, ""));
      out.push(`<blockquote>${renderMarkdown(quoted.join("\n"))}</blockquote>`);
    } else if (LIST_ITEM.test(line)) {
      const items: string[] = [];
      while (i < lines.length) {
        const l = lines[i] ?? "";
        if (LIST_ITEM.test(l)) items.push(l.replace(LIST_ITEM, ""));
        else if (l.trim() !== "" && /^\s/.test(l) && items.length > 0)
          items[items.length - 1] += ` ${l.trim()}`;
        else break;
        i++;
      }
      out.push(`<ul>${items.map((item) => `<li>${inline(item)}</li>`).join("")}</ul>`);
    } else {
      const para: string[] = [];
      while (i < lines.length) {
        const l = lines[i] ?? "";
        if (l.trim() === "" || QUOTE.test(l) || LIST_ITEM.test(l)) break;
        para.push(l.trim());
        i++;
      }
      out.push(`<p>${inline(para.join(" "))}</p>`);
    }
  }
  return out.join("\n");
}

function inline(text: string): string {
  return escapeXml(text)
    .replace(/`([^`]+)`/g, "<code>$1</code>")
    .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>")
    .replace(/(^|[\s(])_([^_]+)_(?=$|[\s).,;:])/g, "$1<em>$2</em>");
}
