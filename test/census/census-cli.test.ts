/**
 * `census` from the command line, without a database: pattern rows exported with the portable
 * queries (`--export`), the JSON against its shipped schema, the HTML escaped, bad input as one
 * line naming file, line and field (exit 2), users' files never overwritten, and an unreachable
 * database as one line without the password (exit 3). Runs main() in-process.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { PassThrough } from "node:stream";
import { after, before, describe, test } from "node:test";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { expect } from "chai";
import type { Census } from "../../src/census/census-types";
import { main } from "../../src/cli/main";

const SCHEMA = join(__dirname, "..", "..", "src", "census", "census.schema.json");

async function census(args: string[], env: NodeJS.ProcessEnv = {}) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (c: Buffer) => {
    out += c.toString("utf8");
  });
  stderr.on("data", (c: Buffer) => {
    err += c.toString("utf8");
  });
  const code = await main(["census", ...args], { stdout, stderr, env: { ...env } });
  return { code, stdout: out, stderr: err };
}

const TRANSFER =
  "I|AGENT|1|ROUTEDTO|TRANSFERRED|UNSPECIFIED|UNSPECIFIED|;I|AGENT|2|RECEIVEDTRANSFER|COMPLETED|UNSPECIFIED|UNSPECIFIED|;M|QUEUE|1|RECEIVED|DIVERTED|UNSPECIFIED|UNSPECIFIED|1";
const UNDOCUMENTED =
  "I|AGENT|1|ROUTEDTO|TRANSFERRED|UNSPECIFIED|UNSPECIFIED|;M|QUEUE|1|RECEIVED|DIVERTED|UNSPECIFIED|UNSPECIFIED|1";
const HOSTILE = "I|<SCRIPT>|1|ROUTEDTO|COMPLETED|||";

describe("census --export", () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "gim-census-cli-"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  test("reads the exported pattern rows, matches them, and writes JSON valid against the shipped schema", async () => {
    // psql writes the unquoted column names in lower case.
    const csv = file(
      "census.csv",
      `pattern_codes,interactions,irfs,samples\n"${TRANSFER}",7,14,G1 G2 G3\n"${UNDOCUMENTED}",2,2,G8 G9\n`,
    );
    const json = join(dir, "census.json");
    const run = await census([
      "--export",
      csv,
      "--json",
      json,
      "--from",
      "2026-03-01",
      "--to",
      "2026-03-08T00:00",
    ]);
    expect(run.code, run.stderr).to.equal(0);
    const result = JSON.parse(readFileSync(json, "utf8")) as Census;
    const ajv = new Ajv({ allErrors: true, strict: true });
    addFormats(ajv);
    expect(ajv.validate(JSON.parse(readFileSync(SCHEMA, "utf8")), result), ajv.errorsText()).to.equal(true);
    expect(result.interactions).to.equal(9);
    expect(result.irfs).to.equal(16);
    expect(result.source).to.deep.equal({ kind: "export", name: relative(process.cwd(), csv) || csv });
    expect(result.window).to.deep.equal({ from: "2026-03-01T00:00:00.000Z", to: "2026-03-08T00:00:00.000Z" });
    expect(result.patterns.map((p) => [p.flow, p.interactions, p.samples])).to.deep.equal([
      ["chat-transfer-accepted", 7, ["G1", "G2", "G3"]],
      [null, 2, ["G8", "G9"]],
    ]);
    expect(result.flows.find((f) => f.flow === "chat-transfer-accepted")?.interactions).to.equal(7);
    expect(result.invariantBreaks.map((b) => [b.invariant, b.interactions, b.samples])).to.deep.equal([
      ["transfer-received", 2, ["G8", "G9"]],
    ]);
    expect(run.stdout).to.contain("Undocumented patterns: 1 (2 interactions)");
    expect(run.stdout).to.contain("2 × Agent1 RoutedTo/Transferred | Queue1 Received/Diverted @IRF1");
    // Two scenarios are one record away (flow 1 by IRF1's result, flow 3 by its IRF2): the first in feature order is named.
    expect(run.stdout).to.contain(
      "near miss: @id:chat-routed-agent-replies: IRF1 is Agent1 RoutedTo/Transferred where the flow has Agent1 RoutedTo/Completed (Agent1)",
    );
    expect(run.stderr).to.contain("census: reading the pattern rows of");
  });

  test("escapes every value in the HTML page", async () => {
    const csv = file(
      "hostile.csv",
      `PATTERN_CODES,INTERACTIONS,IRFS,SAMPLES\n"${HOSTILE}",1,1,<b>guid</b>\n`,
    );
    const html = join(dir, "hostile.html");
    const run = await census(["--export", csv, "--html", html]);
    expect(run.code, run.stderr).to.equal(0);
    const page = readFileSync(html, "utf8");
    expect(page).not.to.match(/<script|<b>guid/i);
    expect(page).to.contain("&lt;SCRIPT&gt;1 RoutedTo/Completed");
    expect(page).to.contain("&lt;b&gt;guid&lt;/b&gt;");
  });

  for (const [name, text, message] of [
    [
      "fields.csv",
      'PATTERN_CODES,INTERACTIONS,IRFS,SAMPLES\n"I|AGENT|1|ROUTEDTO|COMPLETED|||",1,1,G\n"I|AGENT",1,1,G\n',
      /fields\.csv:3: field "PATTERN_CODES": record 1 has 2 fields, expected 8/,
    ],
    [
      "count.csv",
      'PATTERN_CODES,INTERACTIONS,IRFS,SAMPLES\n"I|AGENT|1|ROUTEDTO|COMPLETED|||",many,1,G\n',
      /count\.csv:2: field "INTERACTIONS": expected a whole number of at least 1, got "many"/,
    ],
    [
      "irfs.csv",
      'PATTERN_CODES,INTERACTIONS,IRFS,SAMPLES\n"I|AGENT|1|ROUTEDTO|COMPLETED|||",2,3,G\n',
      /irfs\.csv:2: field "IRFS": 3 is not 2 interactions × 1 IRFs/,
    ],
    [
      "column.csv",
      "PATTERN_CODES,INTERACTIONS,SAMPLES\nx,1,G\n",
      /column\.csv:1: field "IRFS": required column is missing/,
    ],
  ] as const) {
    test(`bad export ${name}: one line, exit 2`, async () => {
      const run = await census(["--export", file(name, text)]);
      expect(run.code).to.equal(2);
      const lines = run.stderr.trim().split("\n");
      expect(lines.at(-1)).to.match(message);
    });
  }

  test("never overwrites a file it did not write; replaces its own", async () => {
    const csv = file("ok.csv", `PATTERN_CODES,INTERACTIONS,IRFS,SAMPLES\n"${TRANSFER}",1,2,G1\n`);
    const mine = file("notes.json", '{"my": "notes"}\n');
    const refused = await census(["--export", csv, "--json", mine]);
    expect(refused.code).to.equal(2);
    expect(refused.stderr).to.match(
      /notes\.json: field "--json": exists and was not written by gim-conformance census/,
    );
    expect(readFileSync(mine, "utf8")).to.equal('{"my": "notes"}\n');
    const page = file("page.html", "<html>mine</html>");
    expect((await census(["--export", csv, "--html", page])).code).to.equal(2);
    expect(readFileSync(page, "utf8")).to.equal("<html>mine</html>");

    const own = join(dir, "own.json");
    const ownPage = join(dir, "own.html");
    expect((await census(["--export", csv, "--json", own, "--html", ownPage])).code).to.equal(0);
    const first = readFileSync(own, "utf8");
    expect((await census(["--export", csv, "--json", own, "--html", ownPage])).code).to.equal(0);
    expect(JSON.parse(readFileSync(own, "utf8")).createdAt).not.to.equal(undefined);
    expect(first).to.contain("chat-transfer-accepted");
  });

  test("usage errors are one line, exit 2", async () => {
    const csv = file("u.csv", `PATTERN_CODES,INTERACTIONS,IRFS,SAMPLES\n"${TRANSFER}",1,2,G1\n`);
    const none = await census([]);
    expect(none.code).to.equal(2);
    expect(none.stderr).to.contain("--db: needs a database URL (--db or GIM_DATABASE_URL) or --export FILE");
    const both = await census(["--export", csv, "--db", "postgres://u@localhost/db"]);
    expect(both.code).to.equal(2);
    const from = await census(["--export", csv, "--from", "last tuesday"]);
    expect(from.code).to.equal(2);
    expect(from.stderr).to.contain(
      '--from: expected an ISO 8601 time such as 2026-03-01 or 2026-03-01T00:00:00Z, got "last tuesday"',
    );
    const order = await census(["--export", csv, "--from", "2026-03-02", "--to", "2026-03-01"]);
    expect(order.code).to.equal(2);
    expect(order.stderr).to.contain("--to: must be later than --from");
    const samples = await census(["--export", csv, "--samples", "0"]);
    expect(samples.code).to.equal(2);
    expect(existsSync(join(dir, "census.html"))).to.equal(false);
  });

  test("an unreachable database is one line, exit 3, without the password", async () => {
    const run = await census([], { GIM_DATABASE_URL: "postgres://reader:s3cr3t-pw@127.0.0.1:1/gim" });
    expect(run.code).to.equal(3);
    const lines = run.stderr.trim().split("\n");
    expect(lines.at(-1)).to.equal(
      "gim-conformance: cannot reach PostgreSQL at 127.0.0.1:1: connection refused (is the server running?)",
    );
    expect(run.stderr + run.stdout).not.to.contain("s3cr3t-pw");
  });
});
