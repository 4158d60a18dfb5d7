/**
 * The InputError that `work` throws: fails the test when it throws anything else (naming it) or
 * accepts the input. For tests of readers that must refuse bad input with one line.
 */
import { expect } from "chai";
import { InputError } from "../../src/errors";

export function rejection(work: () => unknown): InputError {
  try {
    work();
  } catch (error) {
    expect(error, String(error)).to.be.instanceOf(InputError);
    return error as InputError;
  }
  throw new Error("accepted");
}
