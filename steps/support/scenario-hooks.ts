/**
 * Starting and closing a scenario. Its stable @id (the interaction id of its event log) is read
 * as its first step begins, and, like cucumber-js's own suite, a scenario that told a chat but
 * never checked what Info Mart recorded fails as its last step ends. Both are step hooks, not
 * Before/After hooks, on purpose: cucumber folds a step hook's failure into the step's result, so
 * the report shows the scenario failed, whereas allure-cucumberjs derives a test's status from
 * its steps alone and would show a scenario whose Before/After hook failed as passed or skipped.
 */
import { After, AfterStep, BeforeStep, Status } from "@cucumber/cucumber";
import { InputError } from "../../src/errors";
import { formatEventLog } from "../../src/eventlog/reader";
import { scenarioIdOf } from "../../src/flows/scenario-id";
import { evidenceOf } from "../../src/run/scenario-result";
import { concludeProvisional } from "./outcome";
import type { ChatWorld } from "./world";

/** @id -> the scenario that claimed it in this run, to refuse two scenarios sharing an id. */
const claimed = new Map<string, { pickleId: string; where: string }>();

BeforeStep(function (this: ChatWorld, { pickle, pickleStep }) {
  if (this.begun || pickle.steps[0]?.id !== pickleStep.id) return;
  const id = scenarioIdOf(
    pickle.tags.map((tag) => tag.name),
    pickle.name,
    pickle.uri,
  );
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
  this.begin({
    id,
    name: pickle.name,
    uri: pickle.uri,
    provisional: evidenceOf(pickle.tags.map((tag) => tag.name)) === "provisional",
  });
});

AfterStep(async function (this: ChatWorld, { pickle, pickleStep, result }) {
  const last = pickle.steps.at(-1);
  if (last?.id !== pickleStep.id) return undefined;
  // A provisional difference found before a last step that could not run (no MSF data) still counts.
  if (result.status === Status.SKIPPED && this.begun && this.findings.length > 0)
    return concludeProvisional(this);
  if (result.status !== Status.PASSED) return undefined;
  if (this.begun && !this.outcomeChecked) {
    // A feature problem, not a harness one: the run reports it as bad input (exit 2).
    throw new InputError(
      pickle.uri,
      undefined,
      undefined,
      `no outcome was checked: scenario "${pickle.name}" told a chat but never said which IRFs Info Mart records; ` +
        'end it with "Then Info Mart records exactly these IRFs:" and the table',
    );
  }
  // A provisional scenario that ran to the end is not a pass: cucumber and its reports say "skipped".
  return this.begun ? concludeProvisional(this) : undefined;
});

/** A scenario that failed before its outcome step keeps its partial event log, for diagnosis. */
After({ name: "keep the event log of a failed scenario" }, function (this: ChatWorld, { result }) {
  if (!this.begun || this.outcomeChecked || result?.status === Status.PASSED) return;
  const events = this.chat.events();
  if (events.length > 0) {
    this.attach(formatEventLog(events), { mediaType: "text/plain", fileName: `${this.scenario.id}.jsonl` });
  }
});
