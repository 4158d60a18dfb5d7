/**
 * The merge's driver in classify --jobs N: a step per request, never two at once, no request lost,
 * none after the run stopped, an error handed on and the pump usable after it.
 */
import { describe, test } from "node:test";
import { expect } from "chai";
import { SerialPump } from "../../src/classifier/serial-pump";

const settle = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

/**
 * A pump whose step the test lets finish one at a time, counting the steps run and how many
 * ran at once.
 */
function gatedPump(finished: () => boolean = () => false) {
  const gates: (() => void)[] = [];
  const state = { runs: 0, active: 0, mostAtOnce: 0 };
  const step = async () => {
    state.runs++;
    state.active++;
    state.mostAtOnce = Math.max(state.mostAtOnce, state.active);
    await new Promise<void>((resolve) => gates.push(resolve));
    state.active--;
  };
  /** Lets the oldest running step end, and the pump go on. */
  const release = async () => {
    gates.shift()?.();
    await settle();
  };
  return { pump: new SerialPump(step, finished, () => undefined), state, release };
}

describe("the serial pump", () => {
  test("a request when idle runs the step once", async () => {
    const { pump, state, release } = gatedPump();
    pump.request();
    await settle();
    expect(state.runs).to.equal(1);
    await release();
    expect(state.runs).to.equal(1);
  });

  test("requests while a step runs make one more step after it, never two at once", async () => {
    const { pump, state, release } = gatedPump();
    pump.request();
    await settle();
    pump.request();
    pump.request();
    pump.request();
    await settle();
    expect(state.runs).to.equal(1);
    await release();
    expect(state.runs).to.equal(2);
    await release();
    expect(state.runs).to.equal(2);
    expect(state.mostAtOnce).to.equal(1);
    // And the pump is idle again: a new request runs at once.
    pump.request();
    await settle();
    expect(state.runs).to.equal(3);
    await release();
  });

  test("once the run has finished, no step runs: neither a new request nor one left pending", async () => {
    let finished = false;
    const { pump, state, release } = gatedPump(() => finished);
    pump.request();
    await settle();
    pump.request();
    finished = true;
    await release();
    expect(state.runs).to.equal(1);
    pump.request();
    await settle();
    expect(state.runs).to.equal(1);
  });

  test("a step that fails: the error is handed on once, and the next request runs the step again", async () => {
    const heard: unknown[] = [];
    let runs = 0;
    const pump = new SerialPump(
      async () => {
        runs++;
        if (runs === 1) throw new Error("boom");
      },
      () => false,
      (error) => heard.push(error),
    );
    pump.request();
    await settle();
    expect(heard.map((e) => (e as Error).message)).to.deep.equal(["boom"]);
    pump.request();
    await settle();
    expect(runs).to.equal(2);
    expect(heard).to.have.length(1);
  });
});
