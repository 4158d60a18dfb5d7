/**
 * Before each scenario: read its stable @id (the interaction id of its event log) and start a
 * fresh chat. After it: like cucumber-js's own suite, fail a scenario that told a chat but never
 * checked what Info Mart recorded, so a feature without a Then cannot pass by saying nothing.
 */
import { After, Before, Status } from "@cucumber/cucumber";
import { InputError } from "../../src/errors";
import { formatEventLog } from "../../src/eventlog/reader";
import { scenarioIdOf } from "../../src/flows/scenario-id";
import type { ChatWorld } from "./world";

/** @id -> the scenario that claimed it in this run, to refuse two scenarios sharing an id. */
const claimed = new Map<string, { pickleId: string; where: string }>();

Before({ name: "start the scenario's chat" }, function (this: ChatWorld, { pickle }) {
  const tags = pickle.tags.map((tag) => tag.name);
  const id = scenarioIdOf(tags, pickle.name, pickle.uri);
  const where = `${pickle.uri} "${pickle.name}"`;
  const previous = claimed.get(id);
  // A retried scenario is the same pickle and may claim its id again.
  if (previous !== undefined && previous.pickleId !== pickle.id) {
    throw new InputError(
      pickle.uri,
      undefined,
      "@id",
      `@id:${id} is used by ${where} and by ${previous.where}; every scenario needs its own id`,
    );
  }
  claimed.set(id, { pickleId: pickle.id, where });
  this.begin({ id, name: pickle.name, uri: pickle.uri });
});

After({ name: "require a checked outcome" }, function (this: ChatWorld, { result }) {
  if (this.outcomeChecked || !this.begun) return;
  if (result?.status === Status.PASSED) {
    throw new Error(
      `no outcome was checked: scenario "${this.scenario.name}" told a chat but never said which IRFs Info Mart records; ` +
        'end it with "Then Info Mart records exactly these IRFs:" and the table',
    );
  }
  // The scenario failed before its outcome step: keep the partial event log for diagnosis.
  const events = this.chat.events();
  if (events.length > 0) {
    this.attach(formatEventLog(events), { mediaType: "text/plain", fileName: `${this.scenario.id}.jsonl` });
  }
});
