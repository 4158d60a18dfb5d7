/**
 * One system under test per distinct choice of options per process: a database connection or a
 * parsed export is opened once for the whole run, not once per scenario, and closed at the end.
 */
import { AfterAll } from "@cucumber/cucumber";
import { createSut } from "../../src/sut/create-sut";
import type { SutOptions, SystemUnderTest } from "../../src/sut/system-under-test";

const instances = new Map<string, SystemUnderTest>();

/** The same options (in any key order) give the same instance. */
export function sutFor(options: SutOptions): SystemUnderTest {
  const key = JSON.stringify(options, Object.keys(options).sort());
  let sut = instances.get(key);
  if (sut === undefined) {
    sut = createSut(options);
    instances.set(key, sut);
  }
  return sut;
}

AfterAll(async () => {
  const open = [...instances.values()];
  instances.clear();
  await Promise.all(open.map((sut) => sut.close()));
});
