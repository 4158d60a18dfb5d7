/**
 * A small XML well-formedness check for the renderers' tests (no XML parser is a dependency):
 * one root element, every tag closed in order, attributes quoted and unique, no raw `<` or `&`
 * outside markup, only the five predefined entities or character references.
 * Returns the problems found; an empty list means well-formed.
 */
const NAME = "[A-Za-z_:][-A-Za-z0-9_:.]*";
const ATTRIBUTE = new RegExp(`\\s+(${NAME})\\s*=\\s*(?:"([^"<]*)"|'([^'<]*)')`, "y");
const ENTITY = /&(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9A-Fa-f]+);/y;

function checkText(text: string, at: number, problems: string[]): void {
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "<") problems.push(`raw "<" at ${at + i}`);
    if (text[i] === "&") {
      ENTITY.lastIndex = i;
      if (!ENTITY.test(text)) problems.push(`bad entity at ${at + i}: ${text.slice(i, i + 10)}`);
    }
  }
}

export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  let roots = 0;
  let i = 0;
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, "");
  while (i < body.length) {
    const lt = body.indexOf("<", i);
    const textEnd = lt === -1 ? body.length : lt;
    const text = body.slice(i, textEnd);
    if (stack.length === 0 && text.trim() !== "") problems.push(`text outside the root at ${i}`);
    checkText(text, i, problems);
    if (lt === -1) break;
    if (body.startsWith("<!--", lt)) {
      const end = body.indexOf("-->", lt);
      if (end === -1) return [...problems, "unterminated comment"];
      i = end + 3;
      continue;
    }
    if (body.startsWith("</", lt)) {
      const m = new RegExp(`^</(${NAME})\\s*>`).exec(body.slice(lt));
      if (!m?.[1]) return [...problems, `bad end tag at ${lt}`];
      const open = stack.pop();
      if (open !== m[1]) problems.push(`</${m[1]}> at ${lt} closes <${open ?? "nothing"}>`);
      i = lt + m[0].length;
      continue;
    }
    const m = new RegExp(`^<(${NAME})`).exec(body.slice(lt));
    if (!m?.[1]) return [...problems, `bad tag at ${lt}: ${body.slice(lt, lt + 20)}`];
    let j = lt + m[0].length;
    const seen = new Set<string>();
    for (;;) {
      ATTRIBUTE.lastIndex = j;
      const a = ATTRIBUTE.exec(body);
      if (!a?.[1]) break;
      if (seen.has(a[1])) problems.push(`duplicate attribute ${a[1]} at ${j}`);
      seen.add(a[1]);
      checkText(a[2] ?? a[3] ?? "", j, problems);
      j = ATTRIBUTE.lastIndex;
    }
    const close = /^\s*(\/?)>/.exec(body.slice(j));
    if (!close)
      return [...problems, `unterminated or malformed tag <${m[1]}> at ${lt}: ${body.slice(j, j + 20)}`];
    if (stack.length === 0) roots++;
    if (close[1] !== "/") stack.push(m[1]);
    i = j + close[0].length;
  }
  if (stack.length > 0) problems.push(`unclosed: ${stack.join(" > ")}`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
}
