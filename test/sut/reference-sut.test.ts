/**
 * The embedded system under test (src/sut/reference-sut.ts): the reference classifier on the
 * scenario's own event log, under the run's GIM configuration, answering only the scenario's
 * interaction (a log may hold others, such as a conference's internal invitation).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { expect } from "chai";
import { CLASSIFIER_VERSION, classifyFacts } from "../../src/classifier/classify";
import type { ChatEvent } from "../../src/eventlog/events";
import { parseEventLog } from "../../src/eventlog/reader";
import { BUNDLED_GIM_CONFIG, DOCUMENTED_DEFAULTS } from "../../src/gimconfig/gim-config";
import { ReferenceSut } from "../../src/sut/reference-sut";
import type { SutAnswer } from "../../src/sut/system-under-test";

const EXAMPLES = join(__dirname, "..", "..", "examples");

function events(name: string): ChatEvent[] {
  const file = join(EXAMPLES, `${name}.jsonl`);
  return parseEventLog(readFileSync(file, "utf8"), file).map((l) => l.event);
}

async function rows(sut: ReferenceSut, interaction: string, log: ChatEvent[]) {
  const answer: SutAnswer = await sut.irfsFor({
    id: interaction,
    name: interaction,
    interaction,
    events: log,
  });
  if (answer.kind !== "rows") throw new Error(`not run: ${answer.reason}`);
  return answer;
}

describe("the reference system under test", () => {
  test("describes itself by the classifier's version", async () => {
    expect(await new ReferenceSut().describe()).to.deep.equal({
      kind: "reference",
      name: `reference classifier ${CLASSIFIER_VERSION}`,
      details: { classifier: CLASSIFIER_VERSION },
    });
  });

  test("answers only the scenario's interaction; together the answers are the whole log's facts", async () => {
    const log = events("chat-conference-through-queue");
    const sut = new ReferenceSut(BUNDLED_GIM_CONFIG);
    const customer = await rows(sut, "chat-conference-through-queue", log);
    const invite = await rows(sut, "chat-conference-through-queue-invite", log);
    for (const [name, answer] of [
      ["chat-conference-through-queue", customer],
      ["chat-conference-through-queue-invite", invite],
    ] as const) {
      expect(answer.rows, name).to.not.be.empty;
      expect(new Set(answer.rows.map((r) => r.interaction)), name).to.deep.equal(new Set([name]));
      for (const m of answer.msfs ?? []) expect(m.interaction, name).to.equal(name);
    }
    const all = classifyFacts(log, undefined, BUNDLED_GIM_CONFIG);
    expect([...customer.rows, ...invite.rows]).to.have.deep.members(all.irfs);
    expect([...(customer.msfs ?? []), ...(invite.msfs ?? [])]).to.have.deep.members(all.msfs);
    expect(all.msfs, "the log has MSFs to filter").to.not.be.empty;
  });

  test("follows the GIM configuration it was given: a stop queue changes the IRFs", async () => {
    const log = events("chat-stopped-in-stop-queue");
    const id = "chat-stopped-in-stop-queue";
    const withStopQueue = await rows(new ReferenceSut(BUNDLED_GIM_CONFIG), id, log);
    const documented = await rows(new ReferenceSut(DOCUMENTED_DEFAULTS), id, log);
    const classifierDefaults = await rows(new ReferenceSut(), id, log);
    expect(withStopQueue.rows).to.not.deep.equal(documented.rows);
    expect(classifierDefaults.rows).to.deep.equal(documented.rows);
  });
});
