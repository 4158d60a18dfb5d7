/**
 * A scenario's stable `@id:<slug>` tag. The id names the scenario in reports, history and lab
 * manifests, and is the interaction id of the event log the scenario builds, so it must be
 * present exactly once, well formed, and never change once published.
 */
import { InputError } from "../errors";

export const ID_TAG_PREFIX = "@id:";

/** Lowercase letters and digits in hyphen-separated words, e.g. `chat-transfer-accepted`. */
export const SCENARIO_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The id from a scenario's tags (feature, rule and scenario tags together, as a pickle has them).
 * `where` names the scenario for messages, e.g. `features/chat/03-agent-transfers-chat.feature`.
 */
export function scenarioIdOf(tags: readonly string[], scenario: string, where: string): string {
  const ids = tags
    .filter((tag) => tag.startsWith(ID_TAG_PREFIX))
    .map((tag) => tag.slice(ID_TAG_PREFIX.length));
  if (ids.length === 0) {
    throw new InputError(
      where,
      undefined,
      "@id",
      `scenario "${scenario}" has no @id:<slug> tag; every scenario needs one`,
    );
  }
  if (ids.length > 1) {
    throw new InputError(
      where,
      undefined,
      "@id",
      `scenario "${scenario}" has ${ids.length} @id tags (${ids.join(", ")}); give it one`,
    );
  }
  const [id = ""] = ids;
  if (!SCENARIO_ID.test(id)) {
    throw new InputError(
      where,
      undefined,
      "@id",
      `scenario "${scenario}" has the id "${id}"; use lowercase letters, digits and single hyphens, e.g. chat-transfer-accepted`,
    );
  }
  return id;
}
