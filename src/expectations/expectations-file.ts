/**
 * The expectations layer (after web-platform-tests' metadata): known divergences of one Info Mart
 * release live in `expectations/<name>.yaml`, apart from the features, so the features keep
 * saying what the User's Guide says and the gate fails only on *unexpected* results.
 *
 *   version: 1
 *   expectations:
 *     chat-transfer-accepted:          # a scenario's @id
 *       status: fail                   # fail (recorded other IRFs) | skip (cannot be checked)
 *       reason: GIM 8.5.116 records the first agent as Completed
 *       link: https://tickets.example/GIM-123     # optional
 *       rows:                          # optional: the accepted recorded rows; other rows fail again
 *         - { irf: 1, resource: Agent1, role: RoutedTo, result: Completed, reason: Unspecified }
 *
 * Every problem is an InputError naming the line (exit 2).
 */

import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument, type YAMLMap } from "yaml";
import type { IrfExpectation } from "../domain/irf";
import { InputError } from "../errors";
import { readInputText } from "../input-file";
import {
  EXPECTATIONS_FORMAT_VERSION,
  type Expectation,
  type ExpectationsFile,
  type ExpectedStatus,
} from "./expectation";

const ENTRY_KEYS = new Set(["status", "reason", "link", "rows"]);
const ROW_FIELDS = ["irf", "resource", "role", "result", "reason"] as const;

export function readExpectations(file: string): ExpectationsFile {
  return parseExpectations(readInputText(file, { what: "expectations file" }), file);
}

export function parseExpectations(text: string, file: string): ExpectationsFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  // A number is a line already: a missing field is reported at its entry's @id.
  const lineOf = (node: unknown) => {
    if (typeof node === "number") return node;
    const offset = (node as Node | null | undefined)?.range?.[0];
    return offset === undefined ? undefined : lineCounter.linePos(offset).line;
  };
  const fail = (node: unknown, field: string | undefined, problem: string): never => {
    throw new InputError(file, lineOf(node), field, problem);
  };
  const [problem] = doc.errors;
  if (problem !== undefined) {
    const what =
      problem.code === "DUPLICATE_KEY"
        ? "duplicated key: each @id may appear once"
        : problem.message.split("\n")[0];
    throw new InputError(file, lineCounter.linePos(problem.pos[0]).line, undefined, what ?? "invalid YAML");
  }
  const root = doc.contents;
  if (!isMap(root)) return fail(root, undefined, "expected a mapping with version and expectations");
  for (const pair of root.items) {
    const key = scalarText(pair.key);
    if (key !== "version" && key !== "expectations")
      fail(pair.key, key, "unknown key (expected version, expectations)");
  }
  const version = root.get("version", true);
  if (scalarText(version) !== String(EXPECTATIONS_FORMAT_VERSION)) {
    fail(version ?? root, "version", `expected ${EXPECTATIONS_FORMAT_VERSION}`);
  }
  const entries = root.get("expectations", true);
  const expectations = new Map<string, Expectation>();
  if (entries === undefined || (isScalar(entries) && entries.value === null)) return { file, expectations };
  if (!isMap(entries))
    return fail(entries, "expectations", "expected a mapping of scenario @id to expectation");
  for (const pair of entries.items) {
    const id = scalarText(pair.key)?.replace(/^@?id:/, "");
    if (id === undefined || id === "") fail(pair.key, undefined, "expected a scenario @id as key");
    expectations.set(id as string, parseEntry(id as string, pair.value, lineOf(pair.key), fail));
  }
  return { file, expectations };
}

type Fail = (node: unknown, field: string | undefined, problem: string) => never;

function parseEntry(id: string, value: unknown, line: number | undefined, fail: Fail): Expectation {
  if (!isMap(value)) return fail(value, id, "expected a mapping with status and reason");
  const map = value as YAMLMap;
  for (const pair of map.items) {
    const key = scalarText(pair.key);
    if (key === undefined || !ENTRY_KEYS.has(key)) {
      fail(pair.key, key, `unknown key in the entry of @id:${id} (expected status, reason, link, rows)`);
    }
  }
  const status = map.get("status", true);
  const statusText = scalarText(status);
  if (statusText !== "fail" && statusText !== "skip") {
    fail(status ?? line, "status", `expected fail or skip, got ${statusText ?? "nothing"}`);
  }
  const reasonNode = map.get("reason", true);
  const reason = scalarText(reasonNode)?.trim();
  if (reason === undefined || reason === "")
    fail(reasonNode ?? line, "reason", "say why this result is accepted");
  const expectation: Expectation = {
    id,
    status: statusText as ExpectedStatus,
    reason: reason as string,
    line,
  };
  const linkNode = map.get("link", true);
  if (linkNode !== undefined) {
    const link = scalarText(linkNode);
    if (link === undefined || !/^[a-z][a-z0-9+.-]*:\S+$/i.test(link))
      fail(linkNode, "link", "expected a URL");
    expectation.link = link;
  }
  const rowsNode = map.get("rows", true);
  if (rowsNode !== undefined) {
    if (statusText !== "fail") fail(rowsNode, "rows", "accepted rows belong to a status: fail entry");
    if (!isSeq(rowsNode)) return fail(rowsNode, "rows", "expected a list of IRF rows");
    expectation.rows = rowsNode.items.map((item) => parseRow(item, fail));
  }
  return expectation;
}

function parseRow(item: unknown, fail: Fail): IrfExpectation {
  if (!isMap(item)) return fail(item, "rows", "expected { irf, resource, role, result, reason }");
  const map = item as YAMLMap;
  const text: Record<string, string> = {};
  for (const field of ROW_FIELDS) {
    const node = map.get(field, true);
    const value = scalarText(node);
    if (value === undefined) fail(node ?? map, field, "missing");
    text[field] = value as string;
  }
  const irf = Number(text.irf);
  if (!Number.isInteger(irf) || irf < 1) fail(map.get("irf", true), "irf", "expected an ordinal from 1");
  return {
    irf,
    resource: text.resource ?? "",
    role: text.role ?? "",
    result: text.result ?? "",
    reason: text.reason ?? "",
  };
}

function scalarText(node: unknown): string | undefined {
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  return String(node.value);
}

/** Entries naming no scenario of the features are typos or leftovers of a deleted flow: bad input. */
export function checkKnownIds(file: ExpectationsFile, known: ReadonlySet<string>): void {
  for (const expectation of file.expectations.values()) {
    if (!known.has(expectation.id)) {
      throw new InputError(file.file, expectation.line, undefined, `unknown scenario @id:${expectation.id}`);
    }
  }
}
