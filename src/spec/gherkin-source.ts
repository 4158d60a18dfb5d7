/**
 * Reading .feature files without running them, shared by everything that shows the spec to
 * people (the spec book, the lab kit): finding the files, parsing them with cucumber's own
 * Gherkin parser (so tags and tables read exactly as `run` reads them), and splitting a feature's
 * description into the flow's narrative and its `Source:` citation.
 */
import { AstBuilder, GherkinClassicTokenMatcher, Parser } from "@cucumber/gherkin";
import { type GherkinDocument, IdGenerator } from "@cucumber/messages";
import { InputError } from "../errors";
import { filesUnder } from "../input-file";

const FLOW_TAG = /^@flow-(\d+)$/;
const SOURCE_LINE = /^\s*Source:/i;

/** Every `.feature` under `dir`, sorted; InputError when the folder cannot be read. */
export function featureFiles(dir: string): string[] {
  return filesUnder(dir, ".feature", { what: "features folder", notFound: "features folder not found" });
}

/** The parsed document and the id generator its pickles must be compiled with. */
export interface ParsedFeature {
  document: GherkinDocument;
  newId: IdGenerator.NewId;
}

/** Parses one feature file's text; a syntax error is an InputError naming `uri` and the line. */
export function parseGherkin(text: string, uri: string): ParsedFeature {
  const newId = IdGenerator.incrementing();
  try {
    const document = new Parser(new AstBuilder(newId), new GherkinClassicTokenMatcher()).parse(text);
    return { document, newId };
  } catch (error) {
    const first = (error as { errors?: { message: string; location?: { line: number } }[] }).errors?.[0];
    throw new InputError(
      uri,
      first?.location?.line,
      undefined,
      `not valid Gherkin: ${first?.message ?? (error as Error).message}`,
    );
  }
}

/** The flow number of a `@flow-N` tag among `tags`, if any. */
export function flowOf(tags: readonly string[]): number | undefined {
  const n = tags.map((t) => FLOW_TAG.exec(t)?.[1]).find((x) => x !== undefined);
  return n === undefined ? undefined : Number(n);
}

/** A feature description split into the narrative (Markdown) and its `Source:` citation line(s). */
export function narrativeOf(featureDescription: string): {
  description: string;
  citation: string | undefined;
} {
  const lines = dedent(featureDescription).split("\n");
  const citation = lines
    .filter((l) => SOURCE_LINE.test(l))
    .map((l) => l.trim())
    .join(" ");
  const description = lines
    .filter((l) => !SOURCE_LINE.test(l))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return { description, citation: citation === "" ? undefined : citation };
}

/** Gherkin keeps indentation; Markdown would read indented lines as code, and a book wants it flush. */
export function dedent(text: string): string {
  const lines = text.split("\n");
  const indents = lines.filter((l) => l.trim() !== "").map((l) => /^ */.exec(l)?.[0].length ?? 0);
  const cut = indents.length === 0 ? 0 : Math.min(...indents);
  return lines
    .map((l) => l.slice(cut).trimEnd())
    .join("\n")
    .trim();
}
