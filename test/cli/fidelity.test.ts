/**
 * Real-Info-Mart fidelity through the real command (issues 9 and 10): the GIM configuration file
 * and what it changes, mediation segments failing their scenario through the export back end,
 * and the logs Genesys' documentation says cannot happen, refused by validate and classify.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { expect } from "chai";
import { classifyFacts } from "../../src/classifier/classify";
import { parseEventLog } from "../../src/eventlog/reader";
import { BUNDLED_GIM_CONFIG_FILE, loadGimConfig } from "../../src/gimconfig/gim-config-file";
import { ChatLog } from "../support/chat-log";
import { irfExportCsv, msfExportCsv } from "../support/gim-export";
import { runCli } from "../support/run-cli";

const ROOT = join(__dirname, "..", "..");
const dir = mkdtempSync(join(tmpdir(), "gim-fidelity-"));
after(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};
const jsonl = (events: readonly object[]) => `${events.map((e) => JSON.stringify(e)).join("\n")}\n`;

describe("the GIM configuration file", () => {
  test("an unknown option, a bad value and a missing file are bad input naming the file, line and option", async () => {
    const unknown = write("unknown.yaml", "gim:\n  populate-mm-ixnqueue-fact: true\n");
    const a = await runCli(["run", "--no-allure", "--gim-config", unknown]);
    expect(a.code, a.output).to.equal(2);
    expect(a.stderr).to.contain(`${unknown}:2: field "gim.populate-mm-ixnqueue-fact": unknown option`);

    const bad = write("bad.yaml", "chat-server:\n  stop-abandoned-interaction: sometimes\n");
    const b = await runCli([
      "classify",
      "--gim-config",
      bad,
      join(ROOT, "examples", "chat-routed-agent-replies.jsonl"),
    ]);
    expect(b.code, b.output).to.equal(2);
    expect(b.stderr).to.contain(
      `${bad}:2: field "chat-server.stop-abandoned-interaction": expected one of never, noanswer, always`,
    );

    const c = await runCli(["run", "--no-allure", "--gim-config", join(dir, "absent.yaml")]);
    expect(c.code, c.output).to.equal(2);
    expect(c.stderr).to.contain("absent.yaml");
  });

  test("with stop-abandoned-interaction never (the default) the customer's abandons are not run, never failed", async () => {
    const never = write("never.yaml", "gim:\n  stop-ixn-queues: [Chat_Stop]\n");
    const run = await runCli([
      "run",
      "--no-allure",
      "--gim-config",
      never,
      "--tags",
      "@flow-1 or @flow-9 or @flow-11",
    ]);
    expect(run.code, run.output).to.equal(0);
    expect(run.stderr).to.contain("stop-abandoned-interaction=never");
    expect(run.stderr).to.match(/chat-abandoned-in-queue\s+not run.*stop-abandoned-interaction=noanswer/);
    expect(run.stdout).to.match(
      /1 verified passed, 0 provisional \(unverified hypothesis\), 0 failed, 4 not run/,
    );
  });

  test("the stop-queue flow is not run when stop-ixn-queues does not list its queue", async () => {
    const none = write("none.yaml", "chat-server:\n  stop-abandoned-interaction: noanswer\n");
    const run = await runCli(["run", "--no-allure", "--gim-config", none, "--tags", "@flow-12 or @flow-1"]);
    expect(run.code, run.output).to.equal(0);
    expect(run.stderr).to.match(/chat-stopped-in-stop-queue\s+not run.*"Chat_Stop".*stop-ixn-queues/);
  });

  test("classify --msf predicts a later queue's MSF only with populate-mm-ixnqueue-facts", async () => {
    const log = new ChatLog()
      .submitted()
      .routedTo("Agent1")
      .add("EventPartyAdded", { agent: "Agent1" })
      .add("EventPartyRemoved", { agent: "Agent1" }, 60)
      .add("EventPlacedInQueue", { queue: "Chat_Backoffice", agent: "Agent1" }, 0)
      .add("EventProcessingStopped", { by: "strategy" }, 30);
    const file = write("two-queues.jsonl", jsonl(log.events));
    const msfsOf = (out: string) =>
      out
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l) as { msf?: number; resource: string })
        .filter((r) => r.msf !== undefined)
        .map((r) => r.resource);
    const off = await runCli([
      "classify",
      "--msf",
      "--gim-config",
      write("off.yaml", "gim:\n  populate-mm-ixnqueue-facts: false\n"),
      file,
    ]);
    expect(off.code, off.output).to.equal(0);
    expect(msfsOf(off.stdout)).to.deep.equal(["Chat_Inbound"]);
    const on = await runCli([
      "classify",
      "--msf",
      "--gim-config",
      write("on.yaml", "gim:\n  populate-mm-ixnqueue-facts: true\n"),
      file,
    ]);
    expect(msfsOf(on.stdout)).to.deep.equal(["Chat_Inbound", "Chat_Backoffice"]);
  });
});

describe("mediation segments decide a scenario through the export back end", () => {
  // The reference's facts for every example, exported by code, one interaction per @id.
  const { config } = loadGimConfig(BUNDLED_GIM_CONFIG_FILE);
  const examples = readdirSync(join(ROOT, "examples"))
    .filter((f) => f.endsWith(".jsonl"))
    .map((f) => {
      const file = join(ROOT, "examples", f);
      return classifyFacts(parseEventLog(readFileSync(file, "utf8"), file), file, config);
    });
  const interactions = examples.flatMap((facts) =>
    [...new Set(facts.irfs.map((r) => r.interaction))].map((id) => ({
      id,
      irfs: facts.irfs.filter((r) => r.interaction === id),
      msfs: facts.msfs.filter((m) => m.interaction === id),
    })),
  );
  const manifest = write(
    "manifest.yaml",
    `version: 1\nscenarios:\n${interactions.map((i) => `  ${i.id}: { guid: ${i.id} }`).join("\n")}\n`,
  );
  /** Exports with the MSF of `id` given another result, and runs the export back end on them. */
  const runWithMsfResult = async (id: string, result: string, ...extra: string[]) => {
    const changed = interactions.map((i, n) => ({
      key: n + 1,
      irfs: i.irfs,
      msfs: i.id === id ? i.msfs.map((m) => ({ ...m, result })) : i.msfs,
    }));
    const irf = write(`${id}-irf.csv`, irfExportCsv(changed));
    const msf = write(`${id}-msf.csv`, msfExportCsv(changed));
    return runCli([
      "run",
      "--no-allure",
      "--sut",
      "export",
      "--export",
      irf,
      "--msf-export",
      msf,
      "--manifest",
      manifest,
      ...extra,
    ]);
  };

  test("unchanged, every scenario conforms, MSFs included", async () => {
    const run = await runWithMsfResult("none", "Diverted");
    expect(run.code, run.output).to.equal(0);
    expect(run.stdout).to.match(/11 verified passed, 8 provisional .*, 0 failed, 0 not run/);
  });

  test("a verified flow's MSF with another descriptor fails exactly its scenario (exit 1)", async () => {
    const run = await runWithMsfResult("chat-routed-agent-replies", "Routed");
    expect(run.code, run.output).to.equal(1);
    expect(run.stderr).to.contain("MSF1: result expected Diverted, got Routed");
    expect(run.stdout).to.match(/10 verified passed, .* 1 failed/);
  });

  test("a provisional MSF that differs is reported apart, and fails only under --strict-provisional", async () => {
    const run = await runWithMsfResult("chat-abandoned-in-queue-msf", "Abandoned");
    expect(run.code, run.output).to.equal(0);
    expect(run.stderr).to.match(/chat-abandoned-in-queue-msf\s+differs from hypothesis/);
    const strict = await runWithMsfResult("chat-abandoned-in-queue-msf", "Abandoned", "--strict-provisional");
    expect(strict.code, strict.output).to.equal(1);
  });

  test("without an MSF export the MSF tables are not checked: those scenarios are not run, never passed", async () => {
    const irf = write(
      "only-irf.csv",
      irfExportCsv(interactions.map((i, n) => ({ key: n + 1, irfs: i.irfs, msfs: [] }))),
    );
    const run = await runCli([
      "run",
      "--no-allure",
      "--sut",
      "export",
      "--export",
      irf,
      "--manifest",
      manifest,
      "--tags",
      "@flow-1 or @flow-9",
    ]);
    expect(run.stderr).to.match(/chat-routed-agent-replies\s+not run/);
    // Flow 9's verified scenario states no MSFs, so its IRFs alone decide it.
    expect(run.stderr).to.match(/chat-abandoned-in-queue\s+passed/);
  });
});

describe("revokes and stops as the documentation describes them, through classify", () => {
  const classified = async (events: readonly object[], name: string) => {
    const run = await runCli(["classify", write(name, jsonl(events))]);
    expect(run.code, run.output).to.equal(0);
    return run.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { resource: string; role: string; result: string; reason: string })
      .map((r) => `${r.resource} ${r.role}/${r.result} [${r.reason}]`);
  };

  test("a handling-timeout revoke returns the chat to the queue: Redirected [Revoked], not Completed", async () => {
    const log = new ChatLog()
      .submitted()
      .routedTo("Agent1")
      .add("EventPartyAdded", { agent: "Agent1" })
      .add("EventRevoked", { agent: "Agent1", reason: "handling-timeout" }, 600)
      .add("EventPlacedInQueue", { queue: "Chat_Inbound" }, 0)
      .routedTo("Agent2")
      .add("EventPartyAdded", { agent: "Agent2" })
      .add("EventPartyRemoved", { agent: "Agent2" }, 60)
      .add("EventProcessingStopped", { by: "agent", agent: "Agent2" }, 0);
    expect(await classified(log.events, "handling-timeout.jsonl")).to.deep.equal([
      "Agent1 RoutedTo/Redirected [Revoked]",
      "Agent2 RoutedTo/Completed [Unspecified]",
    ]);
  });

  test("a strategy stopping a chat in an interaction queue: Completed, not Cleared (virtual queues only)", async () => {
    const log = new ChatLog().submitted().add("EventProcessingStopped", { by: "strategy" }, 10);
    expect(await classified(log.events, "stopped-in-queue.jsonl")).to.deep.equal([
      "Chat_Inbound Received/Completed [Unspecified]",
    ]);
  });
});

describe("logs Genesys' documentation says cannot happen are refused (exit 2, the line named)", () => {
  const refused = async (events: readonly object[], name: string) => {
    const file = write(name, jsonl(events));
    const validate = await runCli(["validate", file]);
    const classify = await runCli(["classify", file]);
    expect(classify.code, classify.output).to.equal(2);
    return validate;
  };

  test("e-mail: abandonment does not apply to asynchronous media", async () => {
    const log = new ChatLog().add(
      "EventInteractionSubmitted",
      { media: "email", interactionType: "Inbound", queue: "Mail" },
      0,
    );
    const run = await refused(log.events, "email.jsonl");
    expect(run.code, run.output).to.equal(2);
    expect(run.stderr.trim()).to.match(/email\.jsonl:1: field "media": "email" is not modelled/);
  });

  test("a customer stopping a chat an agent joined (stop-abandoned-interaction=noanswer stops only chats no agent joined)", async () => {
    const log = new ChatLog()
      .submitted()
      .routedTo("Agent1")
      .add("EventPartyAdded", { agent: "Agent1" })
      .add("EventProcessingStopped", { by: "customer" });
    const run = await refused(log.events, "customer-stop.jsonl");
    expect(run.code, run.output).to.equal(2);
    expect(run.stderr.trim()).to.match(/customer-stop\.jsonl:6: field "by": "customer" cannot stop/);
  });

  test("an agent placing a chat in a queue while staying in it (Place Interaction in Queue: the agent leaves)", async () => {
    const log = new ChatLog()
      .submitted()
      .routedTo("Agent1")
      .add("EventPartyAdded", { agent: "Agent1" })
      .add("EventPlacedInQueue", { queue: "Chat_Conference", agent: "Agent1" });
    const run = await refused(log.events, "stays.jsonl");
    expect(run.code, run.output).to.equal(2);
    expect(run.stderr.trim()).to.match(/stays\.jsonl:6: field "agent": Agent1 places .* while still in it/);
  });
});
