/**
 * Every relative link in README.md and docs/**\/*.md must open something in a clone of the
 * repository: a reader following "see docs/x.md" on GitHub or on disk must never hit a 404, and
 * no page may point at a file that only existed on the author's machine (a path that leaves the
 * repository, in a link or in a code span). Anchors into Markdown files must name a heading.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { describe, test } from "node:test";
import { expect } from "chai";

const ROOT = resolve(__dirname, "..", "..");

function markdownFiles(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith(".md") ? [join(dir, e.name)] : [],
    );
  return [join(ROOT, "README.md"), ...walk(join(ROOT, "docs"))];
}

/** The text outside fenced code blocks (a shell example's `[x](y)` is not a link). */
function prose(text: string): string {
  return text.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, "");
}

interface Link {
  line: number;
  target: string;
}

/** Inline links and images `[text](target "title")`, and reference definitions `[x]: target`. */
export function linksOf(markdown: string): Link[] {
  const out: Link[] = [];
  prose(markdown)
    .split("\n")
    .forEach((text, i) => {
      // Code spans hold literal text, never links.
      const line = text.replace(/`[^`]*`/g, "");
      for (const m of line.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
        out.push({ line: i + 1, target: m[1] ?? "" });
      }
      const ref = /^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(\s|$)/.exec(line);
      if (ref?.[1] !== undefined) out.push({ line: i + 1, target: ref[1] });
    });
  return out;
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const m of prose(markdown).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const slug = (m[1] ?? "")
      .replace(/`/g, "")
      .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, "")
      .replace(/\s/g, "-");
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    anchors.add(n === 0 ? slug : `${slug}-${n}`);
  }
  for (const m of markdown.matchAll(/<a\s+(?:name|id)="([^"]+)"/g)) anchors.add(m[1] ?? "");
  return anchors;
}

const isExternal = (target: string) => /^[a-z][a-z0-9+.-]*:/i.test(target);
const inside = (file: string) =>
  !relative(ROOT, file).startsWith(`..${sep}`) && relative(ROOT, file) !== "..";

describe("links in README.md and docs/", () => {
  const files = markdownFiles();

  test("finds the pages and their links (the check below checks something)", () => {
    expect(files.map((f) => relative(ROOT, f))).to.include.members(["README.md", join("docs", "domain.md")]);
    const all = files.flatMap((f) => linksOf(readFileSync(f, "utf8")));
    expect(all.filter((l) => !isExternal(l.target)).length).to.be.greaterThan(20);
  });

  for (const file of files) {
    const name = relative(ROOT, file);
    test(`${name}: every relative link resolves to a file in the repository, and its anchor to a heading`, () => {
      const text = readFileSync(file, "utf8");
      const broken: string[] = [];
      for (const { line, target } of linksOf(text)) {
        if (isExternal(target)) continue;
        const [path = "", anchor] = target.split("#", 2);
        const resolved = path === "" ? file : resolve(dirname(file), decodeURIComponent(path));
        const where = `${name}:${line} → ${target}`;
        if (!inside(resolved)) {
          broken.push(`${where}: leaves the repository`);
          continue;
        }
        if (!existsSync(resolved)) {
          broken.push(`${where}: no such file`);
          continue;
        }
        if (
          anchor !== undefined &&
          anchor !== "" &&
          statSync(resolved).isFile() &&
          resolved.endsWith(".md")
        ) {
          if (!headingAnchors(readFileSync(resolved, "utf8")).has(anchor))
            broken.push(`${where}: no such heading`);
        }
      }
      expect(broken).to.deep.equal([]);
    });

    test(`${name}: every relative path it names, in a link or in code, exists in the repository`, () => {
      const outside: string[] = [];
      readFileSync(file, "utf8")
        .split("\n")
        .forEach((line, i) => {
          for (const m of line.matchAll(/(?:^|[\s`(["'])((?:\.\.\/)+[\w.-][\w./-]*)/g)) {
            const resolved = resolve(dirname(file), m[1] ?? "");
            if (!inside(resolved) || !existsSync(resolved)) outside.push(`${name}:${i + 1}: ${m[1]}`);
          }
        });
      expect(outside).to.deep.equal([]);
    });
  }

  test("the checks catch what they are for", () => {
    const sample =
      "See [a](../../elsewhere.md), [b](docs/missing.md), `[c](no-link-in-code.md)`\n# A heading, `x`!";
    expect(linksOf(sample).map((l) => l.target)).to.deep.equal(["../../elsewhere.md", "docs/missing.md"]);
    expect([...headingAnchors(sample)]).to.deep.equal(["a-heading-x"]);
    expect([...headingAnchors("## 5. Flows 7 and 8\n## Tables\n## Tables")]).to.deep.equal([
      "5-flows-7-and-8",
      "tables",
      "tables-1",
    ]);
  });
});
