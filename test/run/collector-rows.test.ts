/**
 * The recorded IRF rows reach ScenarioResult from the outcome step's `<id>-irfs.json` attachment
 * in the message stream (what `run --snapshot` saves), and every @id of the features is known.
 */
import { describe, test } from "node:test";
import { expect } from "chai";
import { type RunEnvelope, ScenarioCollector } from "../../src/run/message-collector";
import { PASSED, syntheticRun } from "./synthetic-run";

const ROWS = [{ interaction: "i", irf: 1, resource: "Agent1", role: "RoutedTo", result: "Completed" }];

function withAttachment(
  envelopes: RunEnvelope[],
  attachment: NonNullable<RunEnvelope["attachment"]>,
): RunEnvelope[] {
  const finished = envelopes.findIndex((e) => e.testCaseFinished !== undefined);
  return [...envelopes.slice(0, finished), { attachment }, ...envelopes.slice(finished)];
}

function collect(envelopes: RunEnvelope[]): ScenarioCollector {
  const collector = new ScenarioCollector();
  for (const envelope of envelopes) collector.accept(envelope);
  return collector;
}

describe("message collector: recorded rows", () => {
  const run = syntheticRun("Flow 1: x", [{ tags: ["@id:a", "@flow-1"], results: [PASSED] }]);

  test("an application/json -irfs.json attachment (either encoding) becomes the result's rows", () => {
    for (const [body, contentEncoding] of [
      [JSON.stringify(ROWS), "IDENTITY"],
      [Buffer.from(JSON.stringify(ROWS)).toString("base64"), "BASE64"],
    ] as const) {
      const envelopes = withAttachment(run, {
        testCaseStartedId: "started-0-0",
        body,
        mediaType: "application/json",
        contentEncoding,
        fileName: "a-irfs.json",
      });
      expect(collect(envelopes).results[0]?.rows).to.deep.equal(ROWS);
    }
  });

  test("no attachment, another file name or unparsable JSON: no rows", () => {
    expect(collect(run).results[0]?.rows).to.equal(undefined);
    const other = withAttachment(run, {
      testCaseStartedId: "started-0-0",
      body: JSON.stringify(ROWS),
      mediaType: "application/json",
      contentEncoding: "IDENTITY",
      fileName: "a-other.json",
    });
    expect(collect(other).results[0]?.rows).to.equal(undefined);
    const broken = withAttachment(run, {
      testCaseStartedId: "started-0-0",
      body: "{",
      mediaType: "application/json",
      contentEncoding: "IDENTITY",
      fileName: "a-irfs.json",
    });
    expect(collect(broken).results[0]?.rows).to.equal(undefined);
  });

  test("an application/json -msfs.json attachment becomes the result's MSFs, beside its IRF rows", () => {
    const MSFS = [
      { interaction: "i", msf: 1, resource: "Chat_Inbound", role: "Received", result: "Diverted", irf: 1 },
    ];
    const attach = (envelopes: RunEnvelope[], fileName: string, body: string) =>
      withAttachment(envelopes, {
        testCaseStartedId: "started-0-0",
        body,
        mediaType: "application/json",
        contentEncoding: "IDENTITY",
        fileName,
      });
    const both = attach(
      attach(run, "a-irfs.json", JSON.stringify(ROWS)),
      "a-msfs.json",
      JSON.stringify(MSFS),
    );
    const result = collect(both).results[0];
    expect(result?.msfs).to.deep.equal(MSFS);
    expect(result?.rows).to.deep.equal(ROWS);
    // IRFs alone (a back end without MSF data): no MSFs, not an empty list.
    expect(collect(attach(run, "a-irfs.json", JSON.stringify(ROWS))).results[0]).not.to.have.property("msfs");
    expect(collect(attach(run, "a-msfs.json", "not json")).results[0]?.msfs).to.equal(undefined);
  });

  test("every pickle's @id is known", () => {
    expect([...collect(run).knownIds]).to.deep.equal(["a"]);
  });
});
