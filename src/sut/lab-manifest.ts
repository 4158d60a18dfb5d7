/**
 * The lab manifest: which production interaction (MEDIA_SERVER_IXN_GUID) a tester performed for
 * each scenario @id. Written as a template by `lab-kit`, filled in by the tester, written whole by
 * `seed-db`, and read by the export and PostgreSQL back ends.
 *
 * YAML or JSON: both are read by the `yaml` package (JSON is YAML 1.2), which keeps every node's
 * position, so each rejection names the line: a malformed file, a duplicated key, an unknown field
 * (schema: lab-manifest.schema.json), or the same GUID given to two scenarios.
 */

import { Ajv, type ErrorObject } from "ajv";
import { type Document, isAlias, isMap, isScalar, LineCounter, type Node, parseDocument, visit } from "yaml";
import { InputError } from "../errors";
import { readInputText } from "../input-file";
import { closestName } from "../nearest-name";
import { printable } from "../report/text-escape";
import schema from "./lab-manifest.schema.json";

export { schema as LAB_MANIFEST_SCHEMA };

export const MANIFEST_VERSION = 1;

/** A conference through a queue's internal invitation has its own entry, `<@id>-invite`. */
export const INVITE_SUFFIX = "-invite";

export interface ManifestEntry {
  id: string;
  /** Empty until the tester fills it in. */
  guid: string;
  notes: string | undefined;
  /** Feature name -> lab name, the file-wide map overlaid with the entry's own. */
  resources: Readonly<Record<string, string>>;
  /** Line of the entry's key in the manifest. */
  line: number | undefined;
}

/** What the manifest says about one scenario. */
export type ManifestLookup = { kind: "entry"; entry: ManifestEntry } | { kind: "not-run"; reason: string };

interface RawEntry {
  guid?: string | null;
  notes?: string | null;
  resources?: Record<string, string>;
}

interface RawManifest {
  version: number;
  resources?: Record<string, string>;
  scenarios: Record<string, RawEntry>;
}

let validate: ReturnType<Ajv["compile"]> | undefined;

export class LabManifest {
  private constructor(
    readonly file: string,
    private readonly entries: ReadonlyMap<string, ManifestEntry>,
  ) {}

  static read(file: string): LabManifest {
    const text = readInputText(file, { what: "manifest", notFound: "manifest file not found" });
    return LabManifest.parse(text, file);
  }

  static parse(text: string, file: string): LabManifest {
    const lineCounter = new LineCounter();
    // uniqueKeys off: yaml compares each key with every earlier one (quadratic in a map's size);
    // firstDuplicateKey does the same check with a Set, in one pass.
    const doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false });
    const lineAt = (offset: number) => lineCounter.linePos(offset).line;
    // A node parsed from the text always has a range; a node not found (an aliased key) has no line.
    const lineOf = (node: Node | null | undefined) => {
      const offset = node?.range?.[0];
      return offset === undefined ? undefined : lineAt(offset);
    };
    const [problem] = doc.errors;
    if (problem !== undefined) {
      // One line whatever it holds (without prettyErrors yaml's messages hold no source excerpt).
      throw new InputError(file, lineAt(problem.pos[0]), undefined, printable(problem.message));
    }
    const duplicate = firstDuplicateKey(doc);
    if (duplicate !== undefined) {
      throw new InputError(
        file,
        lineOf(duplicate.node),
        undefined,
        `duplicated key ${printable(duplicate.text)}: each key may appear once`,
      );
    }
    if (doc.contents === null) throw new InputError(file, undefined, undefined, "the manifest is empty");
    const raw = toPlainData(doc, file, lineOf);
    // ajv stops at the first error (its default) and leaves `errors` null for a valid document.
    validate ??= new Ajv().compile(schema);
    validate(raw);
    const [error] = validate.errors ?? [];
    if (error !== undefined) {
      throw schemaError(error, file, (path, key) =>
        lineOf(key === undefined ? nodeAt(doc.contents, path) : keyNodeAt(doc.contents, path, key)),
      );
    }
    const manifest = raw as RawManifest;
    const keyNodes = keyNodesOf(doc, nodeAt(doc.contents, ["scenarios"]));
    const entries = new Map<string, ManifestEntry>();
    const seen = new Map<string, string>();
    for (const [id, entry] of Object.entries(manifest.scenarios)) {
      const line = lineOf(keyNodes.get(id));
      const guid = entry.guid ?? "";
      // Only a filled-in GUID must be unique: entries still waiting for theirs may be many.
      const other = guid === "" ? undefined : seen.get(guid);
      if (other !== undefined) {
        throw new InputError(
          file,
          line,
          "guid",
          `${guid} is already the interaction of @id:${other}; each scenario needs its own`,
        );
      }
      seen.set(guid, id);
      entries.set(id, {
        id,
        guid,
        notes: entry.notes ?? undefined,
        resources: { ...manifest.resources, ...entry.resources },
        line,
      });
    }
    return new LabManifest(file, entries);
  }

  /**
   * Every key must be the @id of a scenario in the features being run (or `<@id>-invite`, the
   * internal invitation of a conference through a queue): a typo would otherwise leave its
   * scenario "not run" and the run green. Rejected naming the key, its line and the nearest @id.
   */
  checkIds(knownIds: ReadonlySet<string>): void {
    for (const entry of this.entries.values()) {
      const base = entry.id.endsWith(INVITE_SUFFIX) ? entry.id.slice(0, -INVITE_SUFFIX.length) : entry.id;
      if (knownIds.has(entry.id) || knownIds.has(base)) continue;
      const nearest = closestName(entry.id, knownIds);
      const hint =
        nearest === undefined ? "the features hold no scenario @id" : `the nearest is @id:${nearest}`;
      throw new InputError(
        this.file,
        entry.line,
        `scenarios.${entry.id}`,
        `"${entry.id}" is not the @id of any scenario in the features run; ${hint}`,
      );
    }
  }

  /** Every entry, in file order. */
  list(): ManifestEntry[] {
    return [...this.entries.values()];
  }

  /** The GUIDs filled in, for one query or one pass over an export. */
  guids(): Set<string> {
    return new Set(this.list().flatMap((e) => (e.guid === "" ? [] : [e.guid])));
  }

  lookup(id: string): ManifestLookup {
    const entry = this.entries.get(id);
    if (entry === undefined)
      return { kind: "not-run", reason: `no manifest entry for @id:${id} in ${this.file}` };
    if (entry.guid === "") {
      const where = entry.line === undefined ? this.file : `${this.file}:${entry.line}`;
      return {
        kind: "not-run",
        reason: `the manifest entry for @id:${id} (${where}) has no guid yet: perform the flow in the lab and fill it in`,
      };
    }
    return { kind: "entry", entry };
  }
}

/** yaml's own alias limit (its default): a "billion laughs" file is refused, not expanded. */
const MAX_ALIAS_COUNT = 100;

/** The document as plain data; an alias bomb is bad input naming the file, not an internal error. */
function toPlainData(
  doc: Document,
  file: string,
  lineOf: (node: Node | undefined) => number | undefined,
): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // yaml throws a ReferenceError for an alias whose anchor is not set before it, too: say that,
    // naming the alias, rather than blaming a count of expansions the file never reached.
    const unresolved =
      error instanceof ReferenceError ? /Unresolved alias.*: (.*)/.exec(error.message) : null;
    if (unresolved !== null) {
      const name = unresolved[1] ?? "";
      throw new InputError(
        file,
        lineOf(aliasNamed(doc, name)),
        undefined,
        `alias *${printable(name)} has no anchor &${printable(name)} before it`,
      );
    }
    if (error instanceof ReferenceError && /alias/i.test(error.message)) {
      throw new InputError(
        file,
        undefined,
        undefined,
        `too many YAML aliases (more than ${MAX_ALIAS_COUNT} expansions): a manifest needs none`,
      );
    }
    throw error;
  }
}

/** The first alias named `name`, for the message's line. */
function aliasNamed(doc: Document, name: string): Node | undefined {
  let found: Node | undefined;
  visit(doc, {
    Alias(_, alias) {
      if (alias.source !== name) return undefined;
      found = alias;
      return visit.BREAK;
    },
  });
  return found;
}

/**
 * A key's text as the plain data will name it (yaml's toJS): `1:` and `"1":` are one key there,
 * and so are `&k chat-a:` and a later `*k :`, an alias key standing for its anchor's scalar.
 * Undefined for a key that is not a scalar (a map, a list): such keys fail as @ids instead.
 */
function keyText(doc: Document, key: unknown): string | undefined {
  const scalar = isAlias(key) ? key.resolve(doc) : key;
  if (!isScalar(scalar)) return undefined;
  return scalar.value === null ? "" : String(scalar.value);
}

/** The first key that repeats an earlier key of the same map, anywhere in the document. */
function firstDuplicateKey(doc: Document): { node: Node; text: string } | undefined {
  let found: { node: Node; text: string } | undefined;
  visit(doc, {
    Map(_, map) {
      const keys = new Set<string>();
      for (const pair of map.items) {
        const text = keyText(doc, pair.key);
        if (text === undefined) continue;
        // Otherwise the second would silently replace the first.
        if (keys.has(text)) {
          found = { node: pair.key as Node, text };
          return visit.BREAK;
        }
        keys.add(text);
      }
      return undefined;
    },
  });
  return found;
}

/**
 * The key nodes of a map by their text, built once: a lookup per entry would scan the map each
 * time. An alias key's node is the alias itself, so its line is where it is written.
 */
function keyNodesOf(doc: Document, map: unknown): Map<string, Node> {
  const keys = new Map<string, Node>();
  if (!isMap(map)) return keys;
  for (const pair of map.items) {
    const text = keyText(doc, pair.key);
    // No key repeats (firstDuplicateKey has refused the document otherwise).
    if (text !== undefined) keys.set(text, pair.key as Node);
  }
  return keys;
}

/** The node at a JSON-pointer-like path of keys, for a line number. */
function nodeAt(root: unknown, path: readonly string[]): Node | undefined {
  let node: unknown = root;
  for (const key of path) {
    if (!isMap(node)) return undefined;
    node = node.get(key, true);
  }
  return node as Node | undefined;
}

/** The key node `key` of the map at `path`: where an unknown or misnamed key sits. */
function keyNodeAt(root: unknown, path: readonly string[], key: string): Node | undefined {
  const map = nodeAt(root, path);
  if (!isMap(map)) return undefined;
  const pair = map.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
  return isScalar(pair?.key) ? pair.key : undefined;
}

function schemaError(
  error: ErrorObject,
  file: string,
  lineOf: (path: readonly string[], key?: string) => number | undefined,
): InputError {
  // No JSON-pointer escapes to undo: a path only ever holds the schema's own field names and
  // scenario @ids, whose pattern allows neither / nor ~ (a key breaking it is its own error first).
  const path = error.instancePath.split("/").slice(1);
  const field = path.join(".") || undefined;
  const params = error.params as Record<string, unknown>;
  // ajv reports a bad key name on the error itself (propertyName) or in params (propertyNames).
  const badName = (error.propertyName ?? params.propertyName) as string | undefined;
  const misnamed = badName ?? (params.additionalProperty as string | undefined);
  if (misnamed !== undefined) {
    const where = [...path, misnamed].join(".");
    const what =
      badName !== undefined
        ? path.at(-1) === "resources"
          ? `"${misnamed}" is not a resource name (letters, digits, underscores)`
          : `"${misnamed}" is not a scenario @id (lowercase words joined by hyphens, without "@id:")`
        : `unknown field "${misnamed}"; allowed here: ${allowedAt(path)}`;
    return new InputError(file, lineOf(path, misnamed), where, what);
  }
  const expected =
    error.keyword === "const"
      ? `must be ${JSON.stringify(params.allowedValue)}`
      : // The GUID's is the only value pattern in the schema (the key patterns are named above).
        error.keyword === "pattern"
        ? "must be one MEDIA_SERVER_IXN_GUID, without spaces"
        : (error.message ?? "is invalid");
  return new InputError(file, lineOf(path), field, expected);
}

/** The schema closes only the top level and each scenario's entry to unknown fields. */
function allowedAt(path: readonly string[]): string {
  return path.length === 0 ? "version, resources, scenarios" : "guid, notes, resources";
}
