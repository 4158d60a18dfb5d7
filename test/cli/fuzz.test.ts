/**
 * Every command fed random bytes and random mutations of valid inputs (event logs, snapshots,
 * features, manifests, expectations, exports, Allure results): whatever it is given, it answers
 * with an exit code of 0-3, never an "internal error", never a raw control character on the
 * terminal, and writes nothing outside the paths it was given (all in a temp dir here).
 *
 * Commands run in process through main() where they can; `run` loads cucumber's support code,
 * which a process loads once, so it runs as a child process, and only a few times: the point is a
 * modest, always-on net in `npm test`, not an exhaustive search.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { Writable } from "node:stream";
import { after, before, describe, test } from "node:test";
import { expect } from "chai";
import fc from "fast-check";
import { classifyEvents } from "../../src/classifier/classify";
import { main } from "../../src/cli/main";
import type { ChatEvent } from "../../src/eventlog/events";
import { buildSnapshot } from "../../src/snapshot/snapshot";
import { runCli } from "../support/run-cli";

const ROOT = resolve(__dirname, "..", "..");
const work = mkdtempSync(join(tmpdir(), "gim-fuzz-"));
after(() => rmSync(work, { recursive: true, force: true }));

/** Everything under the project but node_modules, .git and Stryker's sandboxes: path -> mtime. */
function projectFiles(): Map<string, number> {
  const files = new Map<string, number>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (dir === ROOT && [".git", "node_modules", ".stryker-tmp"].includes(entry.name)) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.set(relative(ROOT, path), statSync(path).mtimeMs);
    }
  };
  walk(ROOT);
  return files;
}
/** The project's files when the fuzzing starts (other test files may write reports/ before). */
let filesBefore = new Map<string, number>();

let case_ = 0;
/** A fresh folder for one case, inside the temp dir. */
function caseDir(): string {
  const dir = join(work, `case-${++case_}`);
  mkdirSync(dir);
  return dir;
}

class Collect extends Writable {
  text = "";
  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const RAW_CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F\u009B]/;

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

function expectSane(what: string, args: readonly string[], r: Outcome, stdoutMayHoldControls = false): void {
  const context = `${what}: gim-conformance ${args.join(" ")}\nexit ${r.code}\nstderr: ${JSON.stringify(r.stderr.slice(0, 2000))}`;
  expect([0, 1, 2, 3], context).to.include(r.code);
  expect(r.stderr, context).not.to.match(/internal error/i);
  expect(r.stderr, context).not.to.match(RAW_CONTROL);
  if (!stdoutMayHoldControls) expect(r.stdout, context).not.to.match(RAW_CONTROL);
}

async function inProcess(args: readonly string[]): Promise<Outcome> {
  const stdout = new Collect();
  const stderr = new Collect();
  const code = await main(args, {
    stdout,
    stderr,
    env: { ...process.env, GIM_DATABASE_URL: "", GIM_DEBUG: "" },
  });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

// ---- valid inputs to start from ------------------------------------------------------------

const EXAMPLES = join(ROOT, "examples");
const exampleLogs = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith(".jsonl"))
  .sort()
  .map((f) => readFileSync(join(EXAMPLES, f), "utf8"));
const FEATURES = join(ROOT, "features", "chat");
const featureTexts = readdirSync(FEATURES)
  .filter((f) => f.endsWith(".feature"))
  .sort()
  .map((f) => readFileSync(join(FEATURES, f), "utf8"));

function validSnapshotText(log: string): string {
  const events = log
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as ChatEvent);
  const rows = classifyEvents(events);
  const snapshot = buildSnapshot(
    [
      {
        id: "s-1",
        name: "scenario one",
        uri: "features/x.feature",
        line: 3,
        feature: "F",
        flow: 1,
        evidence: "verified",
        outcome: "passed",
        detail: undefined,
        rows,
      },
      {
        id: "s-2",
        name: "scenario two",
        uri: "features/x.feature",
        line: 9,
        feature: "F",
        flow: 2,
        evidence: "provisional",
        outcome: "mismatch",
        detail: "AssertionError: differs",
        rows,
      },
    ],
    {
      sut: { kind: "reference", name: "reference", details: {} },
      harnessVersion: "0",
      classifierVersion: "0",
      now: new Date("2026-12-01T00:00:00.000Z"),
    },
  );
  return JSON.stringify(snapshot, null, 2);
}

const MANIFEST =
  "version: 1\nscenarios:\n  chat-delivered-and-replied: { guid: G-1 }\n  chat-transfer-accepted: { guid: G-2 }\n";
const EXPECTATIONS =
  "version: 1\nexpectations:\n  chat-delivered-and-replied: { status: fail, reason: known }\n  chat-transfer-accepted: { status: skip, reason: lab }\n";

// ---- mutations -------------------------------------------------------------------------------

/** Characters that break parsers and terminals: controls, quotes, separators, invalid UTF-16. */
const nasty = fc.constantFrom(
  "\u0000",
  "\u001b[2J",
  "\u001b]0;pwned\u0007",
  "\r",
  "\n",
  "\t",
  "\u009b",
  '"',
  "'",
  ",",
  ":",
  "{",
  "}",
  "[",
  "]",
  "&",
  "*",
  "#",
  "@",
  "|",
  "\\",
  "\uFEFF",
  "\uD800",
  "é",
  "99999999999999999999",
  "-1",
  "null",
  "true",
  "Scenario",
  "Feature:",
  "@id:",
);

type Mutation =
  | { kind: "insert"; at: number; text: string }
  | { kind: "delete"; at: number; length: number }
  | { kind: "duplicate-line"; at: number }
  | { kind: "swap-lines"; a: number; b: number }
  | { kind: "truncate"; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant("insert" as const),
    at: fc.nat(),
    text: fc.oneof(nasty, fc.string({ maxLength: 8 })),
  }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant("duplicate-line" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("swap-lines" as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
);

function mutate(text: string, mutations: readonly Mutation[]): string {
  let out = text;
  for (const m of mutations) {
    const at = (n: number) => (out.length === 0 ? 0 : n % (out.length + 1));
    const lines = out.split("\n");
    const line = (n: number) => n % Math.max(lines.length, 1);
    switch (m.kind) {
      case "insert":
        out = out.slice(0, at(m.at)) + m.text + out.slice(at(m.at));
        break;
      case "delete":
        out = out.slice(0, at(m.at)) + out.slice(at(m.at) + m.length);
        break;
      case "duplicate-line":
        lines.splice(line(m.at), 0, lines[line(m.at)] ?? "");
        out = lines.join("\n");
        break;
      case "swap-lines": {
        const a = lines[line(m.a)] ?? "";
        lines[line(m.a)] = lines[line(m.b)] ?? "";
        lines[line(m.b)] = a;
        out = lines.join("\n");
        break;
      }
      case "truncate":
        out = out.slice(0, at(m.at));
        break;
    }
  }
  return out;
}

/** A mutated valid text, or random bytes. */
const garbled = (valid: readonly string[]): fc.Arbitrary<Buffer> =>
  fc.oneof(
    {
      weight: 4,
      arbitrary: fc
        .tuple(fc.constantFrom(...valid), fc.array(mutation, { minLength: 1, maxLength: 4 }))
        .map(([t, ms]) => Buffer.from(mutate(t, ms), "utf8")),
    },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)) },
  );

// ---- the properties --------------------------------------------------------------------------

describe("fuzz: every command, hostile input", () => {
  before(() => {
    filesBefore = projectFiles();
  });

  test("validate and classify (with and without --msf) on garbled event logs", async () => {
    await fc.assert(
      fc.asyncProperty(garbled(exampleLogs), async (bytes) => {
        const dir = caseDir();
        const log = join(dir, "log.jsonl");
        writeFileSync(log, bytes);
        for (const args of [
          ["validate", log],
          ["classify", log],
          ["classify", "--msf", log],
        ]) {
          const r = await inProcess(args);
          expectSane("event log", args, r);
          // validate and classify judge a log alike: both accept it, or both refuse it.
          if (args[0] === "classify")
            expect(r.code === 0, "classify and validate agree").to.equal(lastValidate === 0);
          else lastValidate = r.code;
        }
      }),
      { numRuns: 60 },
    );
  });
  let lastValidate: number | null = null;

  test("diff on garbled snapshots, writing Markdown and HTML into the temp dir", async () => {
    const valid = exampleLogs.slice(0, 4).map(validSnapshotText);
    await fc.assert(
      fc.asyncProperty(
        garbled(valid),
        fc.constantFrom(...valid),
        fc.boolean(),
        async (bytes, other, first) => {
          const dir = caseDir();
          const garbledFile = join(dir, "garbled.json");
          const validFile = join(dir, "valid.json");
          writeFileSync(garbledFile, bytes);
          writeFileSync(validFile, other);
          const [base, cand] = first ? [garbledFile, validFile] : [validFile, garbledFile];
          const args = ["diff", base, cand, "--markdown", join(dir, "d.md"), "--html", join(dir, "d.html")];
          expectSane("snapshot", args, await inProcess(args));
        },
      ),
      { numRuns: 30 },
    );
  });

  test("spec and lab-kit on garbled features", async () => {
    await fc.assert(
      fc.asyncProperty(garbled(featureTexts), async (bytes) => {
        const dir = caseDir();
        const features = join(dir, "features");
        mkdirSync(features);
        writeFileSync(join(features, "x.feature"), bytes);
        for (const args of [
          [
            "spec",
            "--features",
            features,
            "--results",
            join(dir, "none"),
            "--out",
            join(dir, "spec", "index.html"),
          ],
          ["lab-kit", "--features", features, "--out", join(dir, "kit")],
        ]) {
          expectSane("feature", args, await inProcess(args));
        }
      }),
      { numRuns: 15 },
    );
  });

  test("report on garbled Allure results", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 200 }), async (bytes) => {
        const dir = caseDir();
        const results = join(dir, "results");
        mkdirSync(results);
        writeFileSync(join(results, "0a-result.json"), Buffer.from(bytes));
        const args = ["report", "--results", results, "--output", join(dir, "report")];
        expectSane("allure results", args, await inProcess(args));
      }),
      { numRuns: 3 },
    );
  });

  test("seed-db with garbled database URLs and manifests never reaches a database it was not given", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 30 }).filter((s) => !/^postgres/i.test(s)),
          fc.constantFrom(
            "postgres://",
            "postgres://u:p@127.0.0.1:1/x",
            "postgresql://%zz@/",
            "postgres://u@[::1:1/x",
          ),
        ),
        async (url) => {
          const dir = caseDir();
          const args = ["seed-db", "--db", url, "--manifest", join(dir, "m.yaml")];
          const r = await inProcess(args);
          expectSane("database URL", args, r);
          expect(r.stderr).not.to.contain(":p@");
        },
      ),
      { numRuns: 15 },
    );
  });

  test("run on garbled features, manifests, exports and expectations (child processes, a few)", async () => {
    await fc.assert(
      fc.asyncProperty(
        garbled(featureTexts.slice(0, 2)),
        garbled([MANIFEST]),
        garbled([EXPECTATIONS]),
        garbled(exampleLogs.slice(0, 2)),
        async (feature, manifest, expectations, exportBytes) => {
          const dir = caseDir();
          writeFileSync(join(dir, "x.feature"), feature);
          writeFileSync(join(dir, "manifest.yaml"), manifest);
          writeFileSync(join(dir, "exp.yaml"), expectations);
          writeFileSync(join(dir, "export.jsonl"), exportBytes);
          const common = [
            "--no-allure",
            "--results",
            join(dir, "results"),
            "--snapshot",
            join(dir, "snap.json"),
          ];
          for (const args of [
            ["run", "--features", join(dir, "x.feature"), ...common, "--expectations", join(dir, "exp.yaml")],
            [
              "run",
              "--tags",
              "@flow-1",
              "--sut",
              "export",
              "--export",
              join(dir, "export.jsonl"),
              "--manifest",
              join(dir, "manifest.yaml"),
              ...common,
            ],
          ]) {
            const r = await runCli(args, { GIM_DEBUG: "" });
            // Cucumber's own progress output is not ours to check; the harness's lines are on stderr.
            expectSane("run input", args, r, true);
          }
        },
      ),
      { numRuns: 2 },
    );
  });

  test("the cases the fuzzing first found: a control character quoted from input, a truncated Allure result", async () => {
    const dir = caseDir();
    const log = join(dir, "title.jsonl");
    writeFileSync(log, "\u001b]0;pwned\u0007\n");
    const r = await inProcess(["validate", log]);
    expect(r.code).to.equal(2);
    expect(r.stderr).to.contain("\\u001b]0;pwned\\u0007").and.not.match(RAW_CONTROL);
    expect(r.stderr.trimEnd().split("\n")).to.have.length(1);
    const results = join(dir, "results");
    mkdirSync(results);
    writeFileSync(join(results, "0a-result.json"), '{"name": "cut sh');
    const report = await inProcess(["report", "--results", results, "--output", join(dir, "report")]);
    expect([report.code, report.stderr]).to.deep.equal([
      2,
      `${join(results, "0a-result.json")}: not a complete Allure result (Unterminated string in JSON at position 16); the run that wrote it did not finish: run again\n`,
    ]);
  });

  test("nothing was written outside the temp dir", () => {
    const now = projectFiles();
    const changed = [...now].filter(([path, mtime]) => filesBefore.get(path) !== mtime).map(([path]) => path);
    expect(changed).to.deep.equal([]);
  });
});
