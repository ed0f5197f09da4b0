/**
 * TEST HELPER — a small XML 1.0 well-formedness check (no XML parser is a
 * dependency): one root element, balanced and properly nested tags, quoted
 * attributes without duplicates or raw '<', only the five predefined or
 * numeric entities, no raw '&' or '<' in text. Throws with the offset.
 */
export function checkWellFormedXml(xml: string): void {
  let i = 0;
  const stack: string[] = [];
  let roots = 0;
  const fail = (why: string): never => {
    throw new Error(`not well-formed XML at offset ${i}: ${why}: ${JSON.stringify(xml.slice(Math.max(0, i - 30), i + 30))}`);
  };
  const NAME = /^[A-Za-z_:][\w.:-]*/;
  const checkEntities = (text: string) => {
    for (const m of text.matchAll(/&([^;]*);?/g)) if (!/^&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);$/.test(m[0])) fail(`bad entity ${m[0]}`);
  };
  if (xml.startsWith('<?xml')) {
    const end = xml.indexOf('?>');
    if (end < 0) fail('unterminated declaration');
    i = end + 2;
  }
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt < 0 ? xml.length : lt);
    if (stack.length === 0 && text.trim() !== '') fail('text outside the root element');
    checkEntities(text);
    if (text.includes('>') && /]]>/.test(text)) fail(']]> in text');
    if (lt < 0) break;
    i = lt;
    if (xml.startsWith('<!--', i)) {
      const end = xml.indexOf('-->', i);
      if (end < 0) fail('unterminated comment');
      i = end + 3;
      continue;
    }
    const gt = xml.indexOf('>', i);
    if (gt < 0) fail('unterminated tag');
    const tag = xml.slice(i + 1, gt);
    if (tag.startsWith('/')) {
      const name = tag.slice(1).trim();
      if (stack.pop() !== name) fail(`closing </${name}> does not match`);
    } else {
      const selfClosing = tag.endsWith('/');
      const body = selfClosing ? tag.slice(0, -1) : tag;
      const name = NAME.exec(body)?.[0] ?? fail('bad tag name');
      let rest = body.slice(name.length);
      const seen = new Set<string>();
      while (rest.trim() !== '') {
        const m = /^\s+([A-Za-z_:][\w.:-]*)\s*=\s*("([^"<]*)"|'([^'<]*)')/.exec(rest);
        if (!m) fail(`bad attribute in <${name}>`);
        if (seen.has(m![1])) fail(`duplicate attribute ${m![1]}`);
        seen.add(m![1]);
        checkEntities(m![3] ?? m![4] ?? '');
        rest = rest.slice(m![0].length);
      }
      if (stack.length === 0) roots++;
      if (!selfClosing) stack.push(name);
    }
    i = gt + 1;
  }
  if (stack.length) fail(`unclosed <${stack[stack.length - 1]}>`);
  if (roots !== 1) fail(`${roots} root elements`);
}
