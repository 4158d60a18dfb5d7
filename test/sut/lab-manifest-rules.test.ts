/**
 * The lab manifest's rules, message by message: the exact one-line rejection (file, line, field,
 * wording) for each kind of bad input, what empty GUIDs and aliases do, the @id check against the
 * features, and the template lab-kit writes, line by line.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import { expect } from "chai";
import type { InputError } from "../../src/errors";
import { INVITE_SUFFIX, LabManifest } from "../../src/sut/lab-manifest";
import { formatManifest } from "../../src/sut/lab-manifest-format";
import { rejection } from "../support/rejection";

/**
 * Where a node's line cannot be found (an alias, a key that is not text), the message may omit
 * the line, but must never give a wrong one: the line is undefined or one of `lines`.
 */
function expectRejected(e: InputError, lines: number[], rest: string): void {
  expect(e.line === undefined || lines.includes(e.line), `line ${e.line}`).to.equal(true);
  expect(e.message).to.equal(`${e.line === undefined ? "lab.yaml" : `lab.yaml:${e.line}`}: ${rest}`);
}

const parse = (text: string) => LabManifest.parse(text, "lab.yaml");
const message = (text: string) => rejection(() => parse(text)).message;

describe("lab manifest rules: YAML syntax and duplicates", () => {
  test("malformed YAML: the first line of the parser's message, on the line it names", () => {
    expect(message("version: 1\nscenarios:\n  chat-a:\n    guid: [unclosed\n")).to.equal(
      "lab.yaml:5: Flow sequence in block collection must be sufficiently indented and end with a ]",
    );
    expect(message('a: "unterminated\n')).to.equal('lab.yaml:2: Missing closing "quote');
  });

  test("a duplicated key is named with its line, in the harness's words", () => {
    expect(
      message('version: 1\nscenarios:\n  chat-a:\n    guid: "G1"\n  chat-a:\n    guid: "G2"\n'),
    ).to.equal("lab.yaml:5: duplicated key chat-a: each key may appear once");
    expect(message('{"version": 1, "scenarios": {}, "version": 1}')).to.equal(
      "lab.yaml:1: duplicated key version: each key may appear once",
    );
  });

  test("a number key and the same text quoted are one key once read: the second is a duplicate", () => {
    expect(message('version: 1\nscenarios: {}\nresources:\n  1: Anna\n  "1": Bert\n')).to.equal(
      "lab.yaml:5: duplicated key 1: each key may appear once",
    );
    expect(message("version: 1\nscenarios: {}\n~: a\n'': b\n")).to.equal(
      'lab.yaml:4: duplicated key "": each key may appear once',
    );
  });

  test("keys that are not plain scalars are no duplicates of each other; they fail as @ids", () => {
    const e = rejection(() =>
      parse("version: 1\nscenarios:\n  ? [a]\n  : {guid: a}\n  ? [b]\n  : {guid: b}\n"),
    );
    expectRejected(
      e,
      [3],
      'field "scenarios.[ a ]": "[ a ]" is not a scenario @id (lowercase words joined by hyphens, without "@id:")',
    );
  });
});

describe("lab manifest rules: schema messages", () => {
  test("a wrong version: must be 1", () => {
    expect(message("version: 2\nscenarios: {}\n")).to.equal('lab.yaml:1: field "version": must be 1');
  });

  test("an unknown top-level field lists the top-level fields", () => {
    expect(message("version: 1\nextra: 1\nscenarios: {}\n")).to.equal(
      'lab.yaml:2: field "extra": unknown field "extra"; allowed here: version, resources, scenarios',
    );
  });

  test("an unknown field in an entry lists an entry's fields", () => {
    expect(message('version: 1\nscenarios:\n  chat-a: {guid: "", bogus: 1}\n')).to.equal(
      'lab.yaml:3: field "scenarios.chat-a.bogus": unknown field "bogus"; allowed here: guid, notes, resources',
    );
  });

  test("a GUID with a space, one too long, and one that is not text each have their own message", () => {
    expect(message('version: 1\nscenarios:\n  chat-a:\n    guid: "a b"\n')).to.equal(
      'lab.yaml:4: field "scenarios.chat-a.guid": must be one MEDIA_SERVER_IXN_GUID, without spaces',
    );
    expect(message(`version: 1\nscenarios:\n  chat-a:\n    guid: "${"x".repeat(51)}"\n`)).to.equal(
      'lab.yaml:4: field "scenarios.chat-a.guid": must NOT have more than 50 characters',
    );
    expect(message("version: 1\nscenarios:\n  chat-a:\n    guid: 5\n")).to.equal(
      'lab.yaml:4: field "scenarios.chat-a.guid": must be string,null',
    );
  });

  test("a resource name that is no name, and an empty lab name", () => {
    expect(message('version: 1\nresources: {"1abc": x}\nscenarios: {}\n')).to.equal(
      'lab.yaml:2: field "resources.1abc": "1abc" is not a resource name (letters, digits, underscores)',
    );
    expect(
      message('version: 1\nscenarios:\n  chat-a:\n    guid: ""\n    resources: {"Agent 1": x}\n'),
    ).to.equal(
      'lab.yaml:5: field "scenarios.chat-a.resources.Agent 1": "Agent 1" is not a resource name (letters, digits, underscores)',
    );
    expect(message('version: 1\nresources: {Agent1: ""}\nscenarios: {}\n')).to.equal(
      'lab.yaml:2: field "resources.Agent1": must NOT have fewer than 1 characters',
    );
  });

  test("a key that is not an @id: the @id wording, not the resource-name one", () => {
    expect(message('version: 1\nscenarios:\n  "Chat_A": {guid: ""}\n')).to.equal(
      'lab.yaml:3: field "scenarios.Chat_A": "Chat_A" is not a scenario @id (lowercase words joined by hyphens, without "@id:")',
    );
  });

  test("a missing required field", () => {
    expect(message("version: 1\n")).to.equal("lab.yaml:1: must have required property 'scenarios'");
    expect(message("- a\n")).to.equal("lab.yaml:1: must be object");
  });

  test("a null key is refused as an @id, not a crash", () => {
    const e = rejection(() => parse("version: 1\nscenarios:\n  null: {guid: a}\n"));
    expectRejected(
      e,
      [3],
      'field "scenarios.": "" is not a scenario @id (lowercase words joined by hyphens, without "@id:")',
    );
  });

  test("a numeric @id key: its bad GUID is still refused as bad input, not a crash", () => {
    const e = rejection(() => parse('version: 1\nscenarios:\n  123:\n    guid: "a b"\n'));
    expectRejected(e, [4], 'field "scenarios.123.guid": must be one MEDIA_SERVER_IXN_GUID, without spaces');
  });
});

describe("lab manifest rules: aliases", () => {
  test("scenarios given as an alias of an empty map reads as no scenarios", () => {
    expect(parse("version: 1\nresources: &r {}\nscenarios: *r\n").list()).to.deep.equal([]);
  });

  test("an aliased entry with a bad GUID is refused as bad input, not a crash", () => {
    const e = rejection(() => parse('version: 1\nresources: &r {guid: "a b"}\nscenarios:\n  chat-a: *r\n'));
    expectRejected(
      e,
      [2, 4],
      'field "scenarios.chat-a.guid": must be one MEDIA_SERVER_IXN_GUID, without spaces',
    );
  });

  test("an aliased entry with an unknown field is refused as bad input, not a crash", () => {
    const e = rejection(() =>
      parse("version: 1\nresources: &r {guid: x, Agent1: y}\nscenarios:\n  chat-a: *r\n"),
    );
    expectRejected(
      e,
      [2, 4],
      'field "scenarios.chat-a.Agent1": unknown field "Agent1"; allowed here: guid, notes, resources',
    );
  });

  test("an alias with no anchor before it is named, on its line, not taken for an alias bomb", () => {
    expect(message("version: 1\nscenarios:\n  chat-a:\n    guid: *g\n    notes: &g x\n")).to.equal(
      "lab.yaml:4: alias *g has no anchor &g before it",
    );
  });

  test("the alias without an anchor is the one named, whatever aliases come before it", () => {
    expect(
      message("version: 1\nresources: &r {}\nscenarios:\n  chat-a:\n    notes: *r\n    guid: *guid_anchor\n"),
    ).to.equal("lab.yaml:6: alias *guid_anchor has no anchor &guid_anchor before it");
  });

  test("a scenario key given as an alias is read, on the line the alias is written", () => {
    const manifest = parse('version: 1\nresources: {Agent1: &id chat-a}\nscenarios:\n  *id : {guid: ""}\n');
    expect(manifest.list().map((e) => [e.id, e.line])).to.deep.equal([["chat-a", 4]]);
    expect(manifest.lookup("chat-a")).to.deep.equal({
      kind: "not-run",
      reason:
        "the manifest entry for @id:chat-a (lab.yaml:4) has no guid yet: perform the flow in the lab and fill it in",
    });
    expect(rejection(() => manifest.checkIds(new Set(["chat-b"]))).message).to.equal(
      'lab.yaml:4: field "scenarios.chat-a": "chat-a" is not the @id of any scenario in the features run; the nearest is @id:chat-b',
    );
  });

  test("an alias key standing for an earlier key of the same map is a duplicate, not a silent replacement", () => {
    expect(message('version: 1\nscenarios:\n  &k chat-a: {guid: "G1"}\n  *k : {guid: "G2"}\n')).to.equal(
      "lab.yaml:4: duplicated key chat-a: each key may appear once",
    );
    // The alias first, then the key written out: the written one is the duplicate.
    expect(
      message(
        'version: 1\nresources: {Agent1: &k chat-a}\nscenarios:\n  *k : {guid: "G1"}\n  chat-a: {guid: "G2"}\n',
      ),
    ).to.equal("lab.yaml:5: duplicated key chat-a: each key may appear once");
  });

  test("a billion-laughs file: the exact message", () => {
    const lines = ["version: 1", 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (const [name, prev] of [
      ["b", "a"],
      ["c", "b"],
      ["d", "c"],
    ])
      lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(",")}]`);
    lines.push("scenarios: {}", "");
    expect(message(lines.join("\n"))).to.equal(
      "lab.yaml: too many YAML aliases (more than 100 expansions): a manifest needs none",
    );
  });
});

describe("lab manifest rules: GUIDs", () => {
  test("several entries without a GUID yet are fine: only a filled-in GUID must be unique", () => {
    const manifest = parse(
      'version: 1\nscenarios:\n  chat-a: {guid: ""}\n  chat-b: {guid: ""}\n  chat-c: {guid: null}\n',
    );
    expect(manifest.list().map((e) => [e.id, e.guid, e.line])).to.deep.equal([
      ["chat-a", "", 3],
      ["chat-b", "", 4],
      ["chat-c", "", 5],
    ]);
    expect(manifest.guids().size).to.equal(0);
  });

  test("the same GUID twice: the exact message, on the second entry's line", () => {
    expect(
      message('version: 1\nscenarios:\n  chat-a: {guid: G1}\n  chat-b: {guid: ""}\n  chat-c: {guid: G1}\n'),
    ).to.equal(
      'lab.yaml:5: field "guid": G1 is already the interaction of @id:chat-a; each scenario needs its own',
    );
  });
});

describe("lab manifest rules: keys checked against the features' @ids", () => {
  const manifest = parse('version: 1\nscenarios:\n  chat-a: {guid: ""}\n  chat-b-invite: {guid: ""}\n');

  test("an @id and <@id>-invite of a known @id pass", () => {
    expect(INVITE_SUFFIX).to.equal("-invite");
    manifest.checkIds(new Set(["chat-a", "chat-b"]));
    // The -invite key itself may be an @id too.
    manifest.checkIds(new Set(["chat-a", "chat-b-invite"]));
  });

  test("an unknown key: the exact message with the nearest @id", () => {
    expect(rejection(() => manifest.checkIds(new Set(["chat-a", "chat-c"]))).message).to.equal(
      'lab.yaml:4: field "scenarios.chat-b-invite": "chat-b-invite" is not the @id of any scenario in the features run; the nearest is @id:chat-a',
    );
  });

  test("features with no @id at all say so", () => {
    expect(rejection(() => manifest.checkIds(new Set())).message).to.equal(
      'lab.yaml:3: field "scenarios.chat-a": "chat-a" is not the @id of any scenario in the features run; the features hold no scenario @id',
    );
  });

  test("a key is not accepted because its -invite form is known", () => {
    const plain = parse('version: 1\nscenarios:\n  chat-a: {guid: ""}\n');
    const e = rejection(() => plain.checkIds(new Set(["chat-a-invite"])));
    expect(e.field).to.equal("scenarios.chat-a");
    expect(e.line).to.equal(3);
  });

  test("an -invite key whose base is unknown is refused even when the bare suffix is", () => {
    const invite = parse('version: 1\nscenarios:\n  chat-z-invite: {guid: ""}\n');
    const e = rejection(() => invite.checkIds(new Set(["chat-a", "", "invite", "chat-z-"])));
    expect(e.field).to.equal("scenarios.chat-z-invite");
  });
});

describe("lab manifest rules: the template lab-kit writes", () => {
  test("every line, with comments, notes and header trimmed at the end", () => {
    const text = formatManifest(
      [
        { id: "chat-a", guid: "", notes: "", comment: ["Flow 1", ""] },
        { id: "chat-b", guid: "G2", notes: 'said "hi"' },
        { id: "chat-c", guid: "" },
      ],
      ["gim-conformance lab manifest", "", "  indented  "],
    );
    expect(text).to.equal(
      [
        "# gim-conformance lab manifest",
        "#",
        "#   indented",
        "version: 1",
        "# resources: the lab's names for the features' resources, if they differ, e.g.",
        "#   Agent1: jsmith",
        "#   Chat_Inbound: CHAT_IN_Q",
        "scenarios:",
        "  # Flow 1",
        "  #",
        "  chat-a:",
        '    guid: ""',
        '    notes: ""',
        "  chat-b:",
        '    guid: "G2"',
        '    notes: "said \\"hi\\""',
        "  chat-c:",
        '    guid: ""',
        "",
      ].join("\n"),
    );
    const read = parse(text);
    expect(read.list().map((e) => [e.id, e.guid, e.notes])).to.deep.equal([
      ["chat-a", "", ""],
      ["chat-b", "G2", 'said "hi"'],
      ["chat-c", "", undefined],
    ]);
  });

  test("no scenarios: an empty map, which reads back", () => {
    const text = formatManifest([], []);
    expect(text).to.equal(
      [
        "version: 1",
        "# resources: the lab's names for the features' resources, if they differ, e.g.",
        "#   Agent1: jsmith",
        "#   Chat_Inbound: CHAT_IN_Q",
        "scenarios: {}",
        "",
      ].join("\n"),
    );
    expect(parse(text).list()).to.deep.equal([]);
  });
});

describe("lab manifest rules: a file that cannot be read", () => {
  test("a socket is one line naming the manifest and the system's code", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "gim-manifest-sock-"));
    const socket = path.join(dir, "lab.yaml");
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(socket, resolve));
    try {
      expect(rejection(() => LabManifest.read(socket)).message).to.equal(
        `${socket}: cannot read the manifest (ENXIO)`,
      );
    } finally {
      server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
