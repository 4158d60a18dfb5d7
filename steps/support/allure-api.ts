/**
 * allure-js-commons for the outcome steps, loaded on first use and only for a run that writes
 * Allure results. Under `run --no-allure` its labels and descriptions would reach no reporter (the
 * Allure hooks of steps/support/allure.ts are not even loaded then), and loading it costs about 30
 * modules of start-up (issue 14).
 */
import type * as Allure from "allure-js-commons";
import type { ChatWorld } from "./world";

let loaded: typeof Allure | undefined;

export async function allureApi(world: ChatWorld): Promise<typeof Allure | undefined> {
  if (!world.allure) return undefined;
  loaded ??= await import("allure-js-commons");
  return loaded;
}
