/**
 * Ajv compiles the snapshot schema in its default strict mode (src/snapshot/snapshot.ts); a schema it finds ambiguous makes it print
 * "strict mode: …" warnings on every `diff`, noise a CI log reader takes for a problem.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { expect } from "chai";

test("the snapshot schema compiles with the options diff uses (Ajv's default strict mode) without a warning", () => {
  const schema = JSON.parse(
    readFileSync(join(__dirname, "..", "..", "src", "snapshot", "snapshot.schema.json"), "utf8"),
  );
  const warnings: string[] = [];
  const log = { log: () => {}, warn: (...args: unknown[]) => warnings.push(args.join(" ")), error: () => {} };
  const ajv = new Ajv({ allErrors: false, logger: log });
  addFormats(ajv, ["date-time"]);
  ajv.compile(schema);
  expect(warnings).to.deep.equal([]);
});
