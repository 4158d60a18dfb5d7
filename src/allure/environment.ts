/**
 * The facts the report's Environment widget shows: what was tested and with which versions, so
 * a report read months later still says which system and GIM release it proved.
 */
import type { SutDescription } from "../sut/system-under-test";

export interface EnvironmentFacts {
  sut: SutDescription;
  classifierVersion: string;
  harnessVersion: string;
  nodeVersion: string;
  cucumberVersion: string | undefined;
  /**
   * The GIM configuration the run judged by (the file and describeGimConfig's options): the same
   * flow gives other facts under other options, so a report names the configuration it assumed.
   */
  gimConfig?: { file: string; options: Record<string, string> };
}

/** Ordered key/value pairs for environment.properties. Values must already be free of secrets. */
export function environmentInfo(facts: EnvironmentFacts): Record<string, string> {
  const info: Record<string, string> = {
    "System under test": facts.sut.name,
    "SUT kind": facts.sut.kind,
  };
  if (facts.sut.gimVersion !== undefined) info["GIM version"] = facts.sut.gimVersion;
  for (const [key, value] of Object.entries(facts.sut.details)) info[`SUT ${key}`] = value;
  if (facts.gimConfig !== undefined) {
    info["GIM config file"] = facts.gimConfig.file;
    for (const [name, value] of Object.entries(facts.gimConfig.options)) info[`GIM option ${name}`] = value;
  }
  info["Reference classifier"] = facts.classifierVersion;
  info["gim-conformance"] = facts.harnessVersion;
  info["Node.js"] = facts.nodeVersion;
  if (facts.cucumberVersion !== undefined) info["cucumber-js"] = facts.cucumberVersion;
  return info;
}
