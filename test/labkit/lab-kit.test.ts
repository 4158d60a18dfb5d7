/**
 * lab-kit on the bundled features: a checklist per scenario with the tester's actions in order,
 * the flow's citation and @id, the expected IRFs; and a manifest template that lists every @id
 * with an empty GUID and reads back as "not run" for all of them.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { expect } from "chai";
import { InputError } from "../../src/errors";
import { readLabScenarios } from "../../src/labkit/feature-scenarios";
import { MANIFEST_TEMPLATE, writeLabKit } from "../../src/labkit/lab-kit";
import { LabManifest } from "../../src/sut/lab-manifest";

const FEATURES = join(__dirname, "..", "..", "features");
const out = mkdtempSync(join(tmpdir(), "gim-labkit-"));
after(() => rmSync(out, { recursive: true, force: true }));

describe("lab-kit", () => {
  test("writes one checklist per scenario, an index and a manifest template with every @id", async () => {
    const kit = await writeLabKit(FEATURES, out);
    expect(kit.scenarios.length).to.be.greaterThan(10);
    const manifest = LabManifest.read(join(out, MANIFEST_TEMPLATE));
    expect(manifest.list().map((e) => e.id)).to.deep.equal(kit.scenarios.map((s) => s.id));
    for (const s of kit.scenarios) {
      expect(manifest.lookup(s.id).kind, s.id).to.equal("not-run");
      expect(readFileSync(join(out, `${s.id}.md`), "utf8")).to.contain(`@id:${s.id}`);
    }
    const index = readFileSync(join(out, "README.md"), "utf8");
    for (const s of kit.scenarios) expect(index).to.contain(`(${s.id}.md)`);
  });

  test("a checklist numbers the tester's actions in the feature's order and shows the expected IRFs", async () => {
    await writeLabKit(FEATURES, out);
    const md = readFileSync(join(out, "chat-transfer-accepted.md"), "utf8");
    expect(md).to.contain("# Flow 3: ");
    expect(md).to.contain("features/chat/03-agent-transfers-chat.feature:");
    expect(md).to.match(/- Source: Genesys Info Mart User's Guide, "Chat Interactions".*section 1\.3/);
    const actions = [...md.matchAll(/^(\d+)\. \[ \] (.+)$/gm)].map((m) => `${m[1]} ${m[2]}`);
    expect(actions[0]).to.equal('1 A customer starts a chat in the interaction queue "Chat_Inbound"');
    expect(actions.at(-1)).to.equal("6 Agent2 ends the chat");
    expect(md).to.contain("| 2 | Agent2 | ReceivedTransfer | Completed |");
    expect(md).to.contain("chat-transfer-accepted:\n    guid:");
  });

  test("provisional flows say so in the checklist and the template", async () => {
    const kit = await writeLabKit(FEATURES, out);
    const provisional = kit.scenarios.filter((s) => s.provisional);
    expect(provisional.map((s) => s.flow)).to.include.members([7, 8]);
    for (const s of provisional)
      expect(readFileSync(join(out, `${s.id}.md`), "utf8")).to.contain("**provisional**");
    expect(readFileSync(join(out, MANIFEST_TEMPLATE), "utf8")).to.contain("(provisional)");
  });

  test("invalid Gherkin and a duplicated @id are rejected naming the file and line", async () => {
    const bad = mkdtempSync(join(out, "bad-"));
    writeFileSync(join(bad, "a.feature"), "Feature: A\n  Scenario: one\n    Given x\n  Oops here\n");
    const e1 = await readLabScenarios(bad).catch((e: unknown) => e);
    expect(e1).to.be.instanceOf(InputError).with.property("line", 4);

    const dup = mkdtempSync(join(out, "dup-"));
    mkdirSync(join(dup, "f"));
    const feature = (n: string) => `Feature: ${n}\n  @id:same-id\n  Scenario: s\n    Given x\n`;
    writeFileSync(join(dup, "f", "a.feature"), feature("A"));
    writeFileSync(join(dup, "f", "b.feature"), feature("B"));
    const e2 = await readLabScenarios(dup).catch((e: unknown) => e);
    expect(e2)
      .to.be.instanceOf(InputError)
      .with.property("message")
      .that.contains("@id:same-id is already used by");
  });
});
