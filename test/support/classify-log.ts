/**
 * Classifies a ChatLog the way `classify` does (ChatClassifier, each event with its line) and
 * writes the facts as short lines, so a test states a whole table in one `deep.equal` and a
 * changed field anywhere in a row fails it: the IRF line holds every field of the row, the MSF
 * line every field of the segment.
 */
import { expect } from "chai";
import { ChatClassifier } from "../../src/classifier/classify";
import type { IrfRow } from "../../src/domain/irf";
import type { MsfRow } from "../../src/domain/msf";
import { InputError } from "../../src/errors";
import { DOCUMENTED_DEFAULTS, type GimConfig } from "../../src/gimconfig/gim-config";
import type { ChatLog } from "./chat-log";

export interface LogFacts {
  irfs: IrfRow[];
  msfs: MsfRow[];
  /** Interactions the log left open, with their open attempts: "chat-1 open 1". */
  open: string[];
}

export const LOG_FILE = "chat.jsonl";

/** Every event of the logs, in the order given, numbered from line 1 of LOG_FILE. */
export function classifyLog(logs: ChatLog | readonly ChatLog[], config: Partial<GimConfig> = {}): LogFacts {
  const msfs: MsfRow[] = [];
  const classifier = new ChatClassifier({
    config: { ...DOCUMENTED_DEFAULTS, ...config },
    onMsfs: (m) => {
      // An empty list would be a call for nothing: classify's callers count on never hearing one.
      expect(m, "onMsfs heard an empty list").to.not.be.empty;
      msfs.push(...m);
    },
  });
  const irfs: IrfRow[] = [];
  const events = (Array.isArray(logs) ? logs : [logs]).flatMap((l: ChatLog) => l.events);
  events.forEach((event, i) => {
    const rows = classifier.push({
      event,
      source: { file: LOG_FILE, line: i + 1 },
      time: Date.parse(event.ts),
    });
    if (rows !== undefined) irfs.push(...rows);
  });
  const end = classifier.finish();
  irfs.push(...end.rows);
  msfs.push(...end.msfs);
  return { irfs, msfs, open: end.open.map((o) => `${o.interaction} open ${o.openAttempts}`) };
}

/** The time of day of a timestamp, to the millisecond: the tests' logs all run on one day. */
function clock(ts: string): string {
  return ts === "" ? "-" : ts.slice(11, 23);
}

/**
 * "1 Agent1 Agent RoutedTo/Completed [Unspecified] 09:00:02.000-09:00:04.000 a1000 h1000 m0 from-"
 * (IRF, resource, type, descriptor with its reason, start-end, alerting, handling and mediation
 * ms, the IRF it was received from). The role reason, always Unspecified here, is checked too.
 */
export function irfLine(r: IrfRow): string {
  expect(r.roleReason, "IRF role reason").to.equal("Unspecified");
  return (
    `${r.irf} ${r.resource} ${r.resourceType} ${r.role}/${r.result} [${r.reason}] ` +
    `${clock(r.start)}-${clock(r.end)} a${r.alertingMs} h${r.handlingMs} m${r.mediationMs} from${r.receivedFrom ?? "-"}`
  );
}

/** "1 Chat_Inbound Received/Diverted [Unspecified] 09:00:00.000-09:00:03.000 d3000 irf1" */
export function msfLine(m: MsfRow): string {
  expect(m.roleReason, "MSF role reason").to.equal("Unspecified");
  return (
    `${m.msf} ${m.resource} ${m.role}/${m.result} [${m.reason}] ` +
    `${clock(m.start)}-${clock(m.end)} d${m.durationMs} irf${m.irf ?? "-"}`
  );
}

export function irfLines(logs: ChatLog | readonly ChatLog[], config: Partial<GimConfig> = {}): string[] {
  return classifyLog(logs, config).irfs.map(irfLine);
}

export function msfLines(logs: ChatLog | readonly ChatLog[], config: Partial<GimConfig> = {}): string[] {
  return classifyLog(logs, config).msfs.map(msfLine);
}

/** The whole one-line message the log is refused with ("chat.jsonl:5: field …"). */
export function rejectionOf(logs: ChatLog | readonly ChatLog[], config: Partial<GimConfig> = {}): string {
  try {
    classifyLog(logs, config);
  } catch (e) {
    expect(e, String(e)).to.be.instanceOf(InputError);
    return (e as InputError).message;
  }
  throw new Error("the log was accepted");
}
