/** The spec book reads a provisional result as Allure now records it: status unknown, its verdict in the message. */
import { test } from "node:test";
import { expect } from "chai";
import { PROVISIONAL_DIFFERS_PREFIX, PROVISIONAL_MATCH_PREFIX } from "../../src/allure/categories";
import { scenarioStatus } from "../../src/spec/run-status";

test("an unknown result is a provisional match or difference by its message, else not run", () => {
  const unknown = (message: string | undefined) =>
    scenarioStatus({ status: "unknown", message, stop: 1 }, true);
  expect(unknown(`${PROVISIONAL_MATCH_PREFIX}ok`).status).to.equal("matches hypothesis");
  expect(unknown(`${PROVISIONAL_DIFFERS_PREFIX}IRF2: role expected A, got B`).status).to.equal(
    "differs from hypothesis",
  );
  expect(unknown(undefined).status).to.equal("not run");
});
