/**
 * What makes a parsed .feature a flow the harness may judge, beyond Gherkin's syntax:
 *
 * - Its evidence is stated, once: the feature is tagged exactly one of `@verified` (its tables
 *   come from the User's Guide) and `@provisional` (they are a hypothesis). Both, or neither,
 *   would let a wrong table pass as the other kind. A scenario of a verified feature may be
 *   `@provisional` (a hypothesis beside the documented rows); one of a provisional feature may not
 *   be `@verified`.
 * - It runs something: a feature with no scenario proves nothing, and a `Scenario` line without
 *   its colon is read by Gherkin as description text, so the flow silently ran zero scenarios.
 */
import type { GherkinDocument, Tag } from "@cucumber/messages";
import { InputError } from "../errors";

export const VERIFIED_TAG = "@verified";
export const PROVISIONAL_TAG = "@provisional";

/**
 * The English Gherkin keywords that open a block of steps; without their colon they become
 * description text. Only flagged when steps follow, so prose such as "Example of a transfer" in a
 * narrative is left alone.
 */
const KEYWORD_WITHOUT_COLON = /^(Scenario Outline|Scenario Template|Scenario|Example|Background)\b(?!\s*:)/;
const STEP_LINE = /^(Given|When|Then|And|But|\*)\s/;

/**
 * Checks `document` (parsed from `text`, shown as `uri`), given how many scenarios (pickles) it
 * compiles to. Throws an InputError naming the file and line of the first problem.
 */
export function checkFeatureRules(
  document: GherkinDocument,
  text: string,
  uri: string,
  pickles: number,
): void {
  const colonless = keywordWithoutColon(text);
  if (colonless !== undefined) {
    throw new InputError(
      uri,
      colonless.line,
      undefined,
      `"${colonless.text}" has no colon after "${colonless.keyword}", so Gherkin reads it as description text, not a ${colonless.keyword.toLowerCase()}; write "${colonless.keyword}:"`,
    );
  }
  const feature = document.feature;
  if (feature === undefined || pickles === 0) {
    throw new InputError(
      uri,
      feature?.location.line,
      undefined,
      "the feature has no runnable scenario; a flow must state at least one Scenario: with its IRF table",
    );
  }
  const verified = tagNamed(feature.tags, VERIFIED_TAG);
  const provisional = tagNamed(feature.tags, PROVISIONAL_TAG);
  if (verified !== undefined && provisional !== undefined) {
    throw new InputError(
      uri,
      provisional.location.line,
      PROVISIONAL_TAG,
      "the feature is tagged both @verified and @provisional; tag it one or the other",
    );
  }
  if (verified === undefined && provisional === undefined) {
    throw new InputError(
      uri,
      feature.location.line,
      VERIFIED_TAG,
      "the feature is tagged neither @verified nor @provisional; tag it @verified when its tables come from the User's Guide, @provisional when they are a hypothesis",
    );
  }
  if (provisional === undefined) return;
  for (const tags of innerTags(document)) {
    const wrong = tagNamed(tags, VERIFIED_TAG);
    if (wrong !== undefined) {
      throw new InputError(
        uri,
        wrong.location.line,
        VERIFIED_TAG,
        "a scenario of a @provisional feature cannot be @verified; move it to a @verified feature",
      );
    }
  }
}

function tagNamed(tags: readonly Tag[], name: string): Tag | undefined {
  return tags.find((t) => t.name === name);
}

/** The tags of every rule, scenario and examples block. */
function innerTags(document: GherkinDocument): (readonly Tag[])[] {
  const out: (readonly Tag[])[] = [];
  const scenario = (s: NonNullable<GherkinDocument["feature"]>["children"][number]["scenario"]) => {
    if (s === undefined) return;
    out.push(s.tags, ...s.examples.map((e) => e.tags));
  };
  for (const child of document.feature?.children ?? []) {
    scenario(child.scenario);
    if (child.rule !== undefined) {
      out.push(child.rule.tags);
      for (const c of child.rule.children) scenario(c.scenario);
    }
  }
  return out;
}

/**
 * The first line opening with a block keyword but no colon, outside doc strings. Called on text
 * Gherkin parsed, where such a line can only be description text (elsewhere it is a syntax error).
 */
function keywordWithoutColon(text: string): { line: number; text: string; keyword: string } | undefined {
  const lines = text.split(/\r?\n/);
  let docString: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const trimmed = (lines[i] ?? "").trim();
    const fence = trimmed.startsWith('"""') ? '"""' : trimmed.startsWith("```") ? "```" : undefined;
    if (fence !== undefined && (docString === undefined || docString === fence)) {
      docString = docString === undefined ? fence : undefined;
      continue;
    }
    if (docString !== undefined) continue;
    const match = KEYWORD_WITHOUT_COLON.exec(trimmed);
    if (match?.[1] === undefined) continue;
    const next = lines.slice(i + 1).find((l) => l.trim() !== "" && !l.trim().startsWith("#"));
    if (next !== undefined && STEP_LINE.test(next.trim())) {
      return { line: i + 1, text: trimmed, keyword: match[1] };
    }
  }
  return undefined;
}
