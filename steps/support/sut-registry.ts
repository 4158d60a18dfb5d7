/**
 * One system under test per distinct choice of options per process (src/sut/shared-sut.ts): a
 * database connection or a parsed export is opened once for the whole run, not once per scenario,
 * and closed at the end. `gim-conformance run` has read it before cucumber started; a bare
 * cucumber-js run reads it here, in a BeforeAll without cucumber's step timeout, so that only the
 * documented limits (PostgreSQL's statement_timeout) bound a slow or large Info Mart.
 */
import { AfterAll, BeforeAll } from "@cucumber/cucumber";
import { closeSharedSuts, sharedSut } from "../../src/sut/shared-sut";
import type { SutOptions, SystemUnderTest } from "../../src/sut/system-under-test";
import { runGimConfig } from "./world";

/** The same options (in any key order) give the same instance. */
export function sutFor(options: SutOptions): SystemUnderTest {
  return sharedSut(options);
}

// timeout -1: no cucumber timeout; the back end's own (connect 10 s, statement 60 s) apply.
BeforeAll({ timeout: -1 }, async function (this: { parameters?: Partial<SutOptions> }) {
  const options: SutOptions = { sut: "reference", ...this.parameters, gimConfig: runGimConfig() };
  await sutFor(options).describe();
});

AfterAll(async () => {
  await closeSharedSuts();
});
