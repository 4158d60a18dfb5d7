/**
 * The diff page as a change ticket's reader meets it: written by `gim-conformance diff --html`
 * from two snapshots and opened from disk in headless Chromium. Changed values stand out (their
 * background differs from the cell's), a removed IRF's row still names its interaction, a scenario
 * that newly fails with unchanged IRFs says why, and a provisional scenario sits in its own section,
 * never under "Newly failing". Screenshots land in reports/screenshots/diff/.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { expect } from "chai";
import type { IrfRow } from "../../src/domain/irf";
import type { Snapshot, SnapshotScenario } from "../../src/snapshot/snapshot";
import { chromiumMissing, screenshotDir, withBrowser } from "../support/report-browser";
import { runCli } from "../support/run-cli";

const scratch = mkdtempSync(join(tmpdir(), "gim-diff-browser-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

const row = (interaction: string, irf: number, resource: string, result: string): IrfRow => ({
  interaction,
  irf,
  resource,
  resourceType: "Agent",
  role: irf === 1 ? "RoutedTo" : "ReceivedTransfer",
  result,
  reason: "Unspecified",
  roleReason: "Unspecified",
  start: "2026-01-01T09:00:00.000Z",
  end: "2026-01-01T09:01:00.000Z",
  alertingMs: 0,
  handlingMs: 0,
  mediationMs: 0,
  receivedFrom: null,
});

function scenario(
  id: string,
  flow: number,
  status: SnapshotScenario["status"],
  rows: IrfRow[],
  extra: Partial<SnapshotScenario> = {},
): SnapshotScenario {
  return {
    id,
    name: `Scenario ${id}`,
    feature: `Flow ${flow}`,
    flow,
    provisional: false,
    status,
    outcome: status === "passed" ? "passed" : "mismatch",
    rows,
    msfs: null,
    ...extra,
  };
}

function write(name: string, createdAt: string, scenarios: SnapshotScenario[]): string {
  const snapshot: Snapshot = {
    formatVersion: 2,
    metadata: {
      sut: { kind: "postgres", name: "Info Mart", gimVersion: name === "base" ? "8.5.114" : "8.5.116" },
      harnessVersion: "0.1.0",
      classifierVersion: "1.2.0",
      createdAt,
    },
    scenarios,
  };
  const file = join(scratch, `${name}.json`);
  writeFileSync(file, JSON.stringify(snapshot));
  return file;
}

test("the diff page in headless Chromium: highlighted changes, reasons, removed rows, provisional apart", async (t) => {
  const missing = chromiumMissing();
  if (missing !== undefined) {
    t.skip(missing);
    return;
  }
  const transfer = [row("guid-3", 1, "Agent1", "Transferred"), row("guid-3", 2, "Agent2", "Completed")];
  const base = write("base", "2026-11-01T10:00:00Z", [
    scenario("chat-transfer-accepted", 3, "passed", transfer),
    scenario("chat-routed-agent-replies", 1, "passed", [row("guid-1", 1, "Agent1", "Completed")]),
    scenario("chat-consultation-completed", 7, "passed", [row("guid-7", 1, "Agent1", "Completed")], {
      provisional: true,
    }),
  ]);
  const cand = write("cand", "2026-12-01T10:00:00Z", [
    scenario("chat-transfer-accepted", 3, "failed", [row("guid-3", 1, "Agent1", "Completed")], {
      detail: "IRF1: result expected Transferred, got Completed; IRF2 missing",
    }),
    scenario("chat-routed-agent-replies", 1, "failed", [row("guid-1", 1, "Agent1", "Completed")], {
      detail: "IRF1: result expected Redirected, got Completed",
    }),
    scenario("chat-consultation-completed", 7, "failed", [row("guid-7", 1, "Agent1", "Abandoned")], {
      provisional: true,
      detail: "IRF1: result expected Completed, got Abandoned",
    }),
  ]);
  const html = join(scratch, "diff.html");
  const run = await runCli(["diff", base, cand, "--html", html]);
  expect(run.code, run.output).to.equal(1);

  await withBrowser({ width: 1280, height: 900 }, async (open) => {
    const { page, problems } = await open(html);

    const failing = await page.locator("#newly-failing").textContent();
    expect(failing).to.include("chat-transfer-accepted").and.include("chat-routed-agent-replies");
    expect(failing, "a provisional scenario is never newly failing").not.to.include(
      "chat-consultation-completed",
    );
    expect(failing).to.include("the expectation changed").and.include("expected Redirected, got Completed");
    const provisional = await page.locator("#provisional").textContent();
    expect(provisional).to.include("chat-consultation-completed").and.include("differs from hypothesis");
    expect(await page.locator("p.regressed").textContent()).to.match(/REGRESSED: 2 newly failing/);

    // Highlighted: the changed result stands out from its cell; the unchanged resource does not.
    // A string, evaluated in the page: the project's TypeScript has no DOM library.
    const marks =
      (await page.evaluate(`[...document.querySelectorAll("#changed-irfs mark.changed")].map((e) => ({
      text: e.textContent,
      background: getComputedStyle(e).backgroundColor,
      cell: getComputedStyle(e.parentElement).backgroundColor,
    }))`)) as { text: string; background: string; cell: string }[];
    expect(marks.map((m) => m.text)).to.include.members(["Transferred", "Completed", "Abandoned"]);
    expect(marks.map((m) => m.text)).not.to.include("Agent1");
    for (const m of marks) expect(m.background, `${m.text} highlighted`).not.to.equal(m.cell);

    // The removed IRF2 row names its interaction and is marked removed.
    const removed = await page.$$eval("#changed-irfs tr.removed", (rows) =>
      rows.map((r) => [...r.querySelectorAll("td")].map((td) => td.textContent ?? "")),
    );
    expect(removed).to.have.length(1);
    expect(removed[0]?.[2], "interaction").to.equal("guid-3");
    expect(removed[0]?.[3]).to.equal("IRF2");
    expect(removed[0]?.[6]).to.equal("—");

    const shots = screenshotDir("diff");
    await page.screenshot({ path: join(shots, "diff-page.png"), fullPage: true });
    expect(problems).to.deep.equal([]);
  });
});
