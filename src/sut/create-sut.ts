/** Builds the system under test that `run --sut` names. */
import { InputError } from "../errors";
import { ReferenceSut } from "./reference-sut";
import { SUT_KINDS, type SutOptions, type SystemUnderTest } from "./system-under-test";

export function createSut(options: SutOptions): SystemUnderTest {
  switch (options.sut) {
    case "reference":
      return new ReferenceSut();
    default:
      throw new InputError(
        "--sut",
        undefined,
        undefined,
        `unknown system under test "${String(options.sut)}"; expected one of ${SUT_KINDS.join(", ")}`,
      );
  }
}
