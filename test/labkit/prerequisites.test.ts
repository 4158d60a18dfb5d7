/**
 * The settings each flow depends on, in its lab checklist: driven by the table in
 * src/labkit/prerequisites.ts, written by the real lab-kit on the bundled features (and on small
 * features of a team's own, for the opt-in tags), each with why and its Genesys page. Every
 * checklist also asks for every interaction GUID, each IRF's ROLE_REASON and ROLE_REASON_CODE,
 * and the gim-config.yaml the lab ran with.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { expect } from "chai";
import { describeGimConfig, OPTION_NAMES } from "../../src/gimconfig/gim-config";
import { BUNDLED_GIM_CONFIG_FILE, loadGimConfig } from "../../src/gimconfig/gim-config-file";
import type { LabScenario } from "../../src/labkit/feature-scenarios";
import { GIM_CONFIG_TEMPLATE, type LabKit, writeLabKit } from "../../src/labkit/lab-kit";
import { LAB_PREREQUISITES, prerequisitesOf } from "../../src/labkit/prerequisites";

const ROOT = join(__dirname, "..", "..");
const FEATURES = join(ROOT, "features");
const BIN = join(ROOT, "bin", "gim-conformance.js");
const NOANSWER_URL = "https://docs.genesys.com/Documentation/ESChat/8.5.3/Admin/ChatReporting";
const DELIVERING_URL = "https://docs.genesys.com/Documentation/System/latest/GenEM/DeliverInteractiontoAgent";
const MSF_URL = "https://docs.genesys.com/Documentation/GIM/latest/User/GIMMMIxnFlow";

const scratch = mkdtempSync(join(tmpdir(), "gim-labkit-prereq-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** The "Settings this flow depends on" part of a checklist ("" when it has none). */
function settingsOf(md: string): string {
  const start = md.indexOf("### Settings this flow depends on");
  return start < 0 ? "" : md.slice(start, md.indexOf("## Do this in the lab"));
}

describe("lab-kit checklists on the bundled flows", () => {
  const out = join(scratch, "bundled");
  let kit: LabKit;
  const checklist = (s: LabScenario) => readFileSync(join(out, `${s.id}.md`), "utf8");
  const ofFlow = (flow: number) => kit.scenarios.filter((s) => s.flow === flow);

  before(async () => {
    kit = await writeLabKit(FEATURES, out);
  });

  test("flows 9, 10 and 11 ask for Chat Server stop-abandoned-interaction=noanswer, with its page; flow 1 does not", () => {
    for (const flow of [9, 10, 11]) {
      expect(ofFlow(flow), `flow ${flow}`).not.to.be.empty;
      for (const s of ofFlow(flow)) {
        const settings = settingsOf(checklist(s));
        expect(settings, s.id).to.contain(
          "**Chat Server**: `stop-abandoned-interaction` = `noanswer` (default: never)",
        );
        expect(settings, s.id).to.contain(NOANSWER_URL);
        expect(settings, s.id).to.contain("`chat-server.stop-abandoned-interaction`");
      }
    }
    expect(ofFlow(1)).not.to.be.empty;
    for (const s of ofFlow(1)) {
      expect(checklist(s), s.id).not.to.contain("stop-abandoned-interaction` =");
      expect(checklist(s), s.id).not.to.contain(NOANSWER_URL);
    }
  });

  test("the delivering timeout is a setting of flows 2, 4 and 6 only; 'no other agent available' of flow 2 only", () => {
    for (const s of kit.scenarios) {
      const settings = settingsOf(checklist(s));
      const delivering = s.flow === 2 || s.flow === 4 || s.flow === 6;
      expect(settings.includes("`delivering-timeout`"), s.id).to.equal(delivering);
      expect(settings.includes(DELIVERING_URL), s.id).to.equal(delivering);
      expect(settings.includes("No other agent is ready"), s.id).to.equal(s.flow === 2);
    }
    expect(settingsOf(checklist(ofFlow(2)[0] as LabScenario))).to.contain("(default: 30 seconds)");
  });

  test("every flow that enters an interaction queue asks for populate-mm-ixnqueue-facts, with its page", () => {
    const queued = kit.scenarios.filter((s) => s.steps.some((step) => /interaction queue/i.test(step.text)));
    expect(queued.length).to.be.greaterThan(10);
    for (const s of queued) {
      const settings = settingsOf(checklist(s));
      expect(settings, s.id).to.contain("`populate-mm-ixnqueue-facts`");
      expect(settings, s.id).to.contain(MSF_URL);
    }
  });

  test("a stop-queue flow (@flow-12), and only it, asks for stop-ixn-queues", () => {
    for (const s of kit.scenarios) {
      expect(settingsOf(checklist(s)).includes("`stop-ixn-queues`"), s.id).to.equal(s.flow === 12);
    }
  });

  test("every checklist asks for every interaction GUID, each IRF's ROLE_REASON and ROLE_REASON_CODE, and gim-config.yaml", () => {
    for (const s of kit.scenarios) {
      const md = checklist(s);
      const writeDown = md.slice(
        md.indexOf("## Then write down"),
        md.indexOf("## What Info Mart should record"),
      );
      expect(writeDown, s.id).to.contain("Every other interaction id");
      expect(writeDown, s.id).to.contain("InternalConferenceInvite");
      expect(writeDown, s.id).to.match(
        /\| IRF \| resource \| RESOURCE_ROLE \| TECHNICAL_RESULT \| RESULT_REASON \| ROLE_REASON \| ROLE_REASON_CODE \|/,
      );
      expect(writeDown, s.id).to.contain("`gim-config.yaml`");
      expect(writeDown, s.id).to.contain(`\`${GIM_CONFIG_TEMPLATE}\``);
      for (const option of Object.values(OPTION_NAMES)) expect(writeDown, s.id).to.contain(option);
    }
  });

  test("the descriptor sheet has a line per expected IRF, by number and resource, and one for any other", () => {
    const md = readFileSync(join(out, "chat-transfer-accepted.md"), "utf8");
    const sheet = md.slice(
      md.indexOf("  | IRF | resource | RESOURCE_ROLE"),
      md.indexOf("- [ ] The GIM and Chat Server"),
    );
    const rows = [...sheet.matchAll(/^ {2}\| ([^|]+) \| ([^|]+) \|/gm)].map((m) => `${m[1]}|${m[2]}`.trim());
    expect(rows).to.deep.equal(["IRF|resource", "---|---", "1|Agent1", "2|Agent2", "(other)|"]);
  });

  test("the index says which scenarios need which setting", () => {
    const index = readFileSync(join(out, "README.md"), "utf8");
    const settings = index.slice(
      index.indexOf("## Settings the flows depend on"),
      index.indexOf("## Scenarios"),
    );
    const noanswer = settings.split("\n").find((l) => l.includes("stop-abandoned-interaction"));
    expect(noanswer).to.contain(NOANSWER_URL);
    for (const s of kit.scenarios) {
      expect(noanswer?.includes(`\`${s.id}\``), s.id).to.equal(
        s.flow === 9 || s.flow === 10 || s.flow === 11,
      );
    }
  });

  test("the kit's gim-config template is the harness's own file and reads back", () => {
    const template = join(out, GIM_CONFIG_TEMPLATE);
    expect(readFileSync(template, "utf8")).to.equal(readFileSync(BUNDLED_GIM_CONFIG_FILE, "utf8"));
    expect(loadGimConfig(template).config).to.deep.equal(loadGimConfig(BUNDLED_GIM_CONFIG_FILE).config);
  });
});

test("the value each checklist says the shipped flows assume is the one the bundled gim-config.yaml sets", () => {
  const bundled = describeGimConfig(loadGimConfig(BUNDLED_GIM_CONFIG_FILE).config);
  const recorded = LAB_PREREQUISITES.filter((p) => p.recordedAs !== undefined);
  expect(recorded.map((p) => p.key)).to.include.members([
    "stop-abandoned-interaction",
    "populate-mm-ixnqueue-facts",
  ]);
  for (const p of recorded) {
    const { option, assumed } = p.recordedAs ?? { option: "stopIxnQueues", assumed: "" };
    expect(bundled[OPTION_NAMES[option]]?.split(", "), p.key).to.include(assumed);
  }
});

test("every setting cites a Genesys page and says why", () => {
  for (const p of LAB_PREREQUISITES) {
    expect(p.sources, p.key).not.to.be.empty;
    for (const url of p.sources) expect(url, p.key).to.match(/^https:\/\/docs\.genesys\.com\//);
    expect(p.why.length, p.key).to.be.greaterThan(40);
  }
});

describe("a team's own flows opt in by tag or by wording", () => {
  const features = mkdtempSync(join(scratch, "own-"));
  const out = join(scratch, "own-kit");
  writeFileSync(
    join(features, "own.feature"),
    [
      "Feature: Our flows",
      "  @id:tagged-stop @requires-stop-queue @requires-noanswer",
      "  Scenario: tagged",
      "    Given Agent1 does something",
      "  @id:worded-stop",
      "  Scenario: worded",
      '    Given Agent1 ends the chat by placing it in the stop-interaction queue "Our_Stop"',
      "  @id:plain",
      "  Scenario: plain",
      "    Given Agent1 does something",
      "",
    ].join("\n"),
  );

  test("tags and step wording bring their settings; a flow needing none has no settings section", async () => {
    await writeLabKit(features, out);
    const settings = (id: string) => settingsOf(readFileSync(join(out, `${id}.md`), "utf8"));
    expect(settings("tagged-stop"))
      .to.contain("`stop-ixn-queues`")
      .and.to.contain("`stop-abandoned-interaction`");
    expect(settings("tagged-stop")).not.to.contain("`populate-mm-ixnqueue-facts`");
    expect(settings("worded-stop"))
      .to.contain("`stop-ixn-queues`")
      .and.to.contain("`populate-mm-ixnqueue-facts`");
    expect(settings("worded-stop")).not.to.contain("`stop-abandoned-interaction`");
    expect(settings("plain")).to.equal("");
    expect(readFileSync(join(out, "plain.md"), "utf8")).to.contain("ROLE_REASON_CODE");
  });

  test("prerequisitesOf matches by flow number, tag or step", () => {
    const keys = (flow: number | undefined, tags: string[], text: string) =>
      prerequisitesOf({ flow, tags, steps: [{ text }] }).map((p) => p.key);
    expect(keys(9, [], "x")).to.deep.equal(["stop-abandoned-interaction"]);
    expect(keys(undefined, ["@requires-delivering-timeout"], "x")).to.deep.equal(["delivering-timeout"]);
    expect(
      keys(undefined, [], "Agent2 does not accept the invitation before the delivering timeout"),
    ).to.deep.equal(["delivering-timeout"]);
    expect(keys(1, [], "x")).to.deep.equal([]);
  });

  test("the real CLI writes the kit with the gim-config template", () => {
    const cliOut = join(scratch, "cli-kit");
    const ran = spawnSync(process.execPath, [BIN, "lab-kit", "--features", features, "--out", cliOut], {
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(ran.status, ran.stderr).to.equal(0);
    expect(readFileSync(join(cliOut, GIM_CONFIG_TEMPLATE), "utf8")).to.contain("stop-abandoned-interaction");
    expect(settingsOf(readFileSync(join(cliOut, "worded-stop.md"), "utf8"))).to.contain("`stop-ixn-queues`");
  });
});
