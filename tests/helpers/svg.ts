import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** An element as fast-xml-parser gives it with attributes kept: `@_name` keys, child arrays. */
export type XmlNode = Record<string, unknown>;

/**
 * Checks that `text` is well-formed XML (fast-xml-parser's XMLValidator) and returns the parsed
 * tree with attributes (`@_…`) and every element as an array, so tests can walk it.
 */
export function parseSvg(text: string): XmlNode {
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new Error(`not well-formed XML: ${JSON.stringify(valid.err)}`);
  return new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', isArray: (_name: string, _path: unknown, _leaf: boolean, isAttribute: boolean) => !isAttribute, textNodeName: '#text', alwaysCreateTextNode: true, parseTagValue: false, parseAttributeValue: false }).parse(text) as XmlNode;
}

/** Every element named `name` anywhere under `node`. */
export function findAll(node: unknown, name: string): XmlNode[] {
  const found: XmlNode[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (value === null || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value)) {
      if (key === name) found.push(...(Array.isArray(child) ? child : [child]).filter((item): item is XmlNode => typeof item === 'object' && item !== null));
      visit(child);
    }
  };
  visit(node);
  return found;
}

/** The text content of an element (fast-xml-parser keeps it under '#text'). */
export function textOf(node: XmlNode): string {
  const text = node['#text'];
  return Array.isArray(text) ? text.join('') : String(text ?? '');
}
