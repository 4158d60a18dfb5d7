/**
 * JUnit XML of a run as the gate sees it, for CI test tabs: one test case per scenario, named by
 * flow and @id (cucumber's own junit formatter names them by scenario title only, which changes
 * with wording), classname the flow. What CI shows as red is exactly what fails the gate:
 * - an unexpected failure is a <failure> (the first line as message, the side-by-side table as text);
 * - bad input and harness errors are <error>;
 * - provisional scenarios are <skipped> with the reason (a hypothesis is never a verified pass),
 *   known divergences and expected skips are <skipped> naming the expectation, not-run ones too;
 * - a stale expectation passes, with a note in <system-out> (a <failure> with --fail-on-stale).
 */
import type { GateReport, JudgedResult } from "../expectations/gate";
import { escapeXml } from "./text-escape";

export interface JunitOptions {
  suiteName: string;
  failOnStale: boolean;
  /** File the expectations came from, for messages. */
  expectationsFile: string | undefined;
  timestamp?: Date;
}

type Verdict =
  | { kind: "pass"; note?: string }
  | { kind: "failure" | "error" | "skipped"; message: string; text?: string };

function firstLine(text: string | undefined): string {
  return (text ?? "").split("\n", 1)[0]?.trim() ?? "";
}

function verdictOf(j: JudgedResult, options: JunitOptions): Verdict {
  const { result, expectation } = j;
  const where =
    expectation === undefined
      ? ""
      : ` (${options.expectationsFile ?? "expectations"}${expectation.line === undefined ? "" : `:${expectation.line}`})`;
  const link = expectation?.link === undefined ? "" : ` ${expectation.link}`;
  switch (result.outcome) {
    case "undefined-step":
    case "bad-input":
    case "harness-error":
      return {
        kind: "error",
        message: `${result.outcome}: ${firstLine(result.detail)}`,
        text: result.detail,
      };
    case "not-run":
      return j.judgement === "known-divergence"
        ? { kind: "skipped", message: `expected skip: ${expectation?.reason}${link}${where}` }
        : { kind: "skipped", message: `not run: ${firstLine(result.detail)}` };
    default:
      break;
  }
  if (j.judgement === "unexpected-pass") {
    const note = `stale expectation${where}: expected ${expectation?.status}, but the scenario passed; remove the entry`;
    return options.failOnStale ? { kind: "failure", message: note } : { kind: "pass", note };
  }
  if (j.judgement === "unexpected-failure") {
    const why = j.note === undefined ? "" : ` [${j.note}]`;
    // The exception's type is noise in a CI test tab: every failure here is an assertion.
    const message = firstLine(result.detail).replace(/^AssertionError:\s*/, "");
    return { kind: "failure", message: `${message}${why}`, text: result.detail };
  }
  if (j.judgement === "known-divergence") {
    return {
      kind: "skipped",
      message: `known divergence: ${expectation?.reason}${link}${where}`,
      text: result.detail,
    };
  }
  if (result.evidence === "provisional") {
    return result.outcome === "mismatch"
      ? { kind: "skipped", message: `differs from hypothesis (provisional): ${firstLine(result.detail)}` }
      : {
          kind: "skipped",
          message: "provisional: matches the hypothesis, which the User's Guide does not confirm",
        };
  }
  return { kind: "pass" };
}

export function renderJunit(report: GateReport, options: JunitOptions): string {
  const cases = report.judged.map((j) => ({ j, verdict: verdictOf(j, options) }));
  const count = (kind: Verdict["kind"]) => cases.filter((c) => c.verdict.kind === kind).length;
  const attr = (text: string) => escapeXml(text);
  const body = cases.map(({ j, verdict }) => {
    const r = j.result;
    const flow = r.flow === undefined ? r.feature : `Flow ${r.flow}`;
    const name = `${flow} @id:${r.id}: ${r.name}`;
    const classname = r.flow === undefined ? r.feature : `Flow ${r.flow}: ${r.feature}`;
    const head = `    <testcase name="${attr(name)}" classname="${attr(classname)}" file="${attr(r.uri)}"`;
    if (verdict.kind === "pass") {
      return verdict.note === undefined
        ? `${head}/>`
        : `${head}>\n      <system-out>${escapeXml(verdict.note)}</system-out>\n    </testcase>`;
    }
    const text = verdict.text === undefined ? "" : escapeXml(verdict.text);
    return `${head}>\n      <${verdict.kind} message="${attr(verdict.message)}">${text}</${verdict.kind}>\n    </testcase>`;
  });
  const time = (options.timestamp ?? new Date()).toISOString();
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${attr(options.suiteName)}" tests="${cases.length}" failures="${count("failure")}" errors="${count("error")}" skipped="${count("skipped")}">`,
    `  <testsuite name="${attr(options.suiteName)}" tests="${cases.length}" failures="${count("failure")}" errors="${count("error")}" skipped="${count("skipped")}" timestamp="${time}">`,
    ...body,
    "  </testsuite>",
    "</testsuites>",
    "",
  ].join("\n");
}
