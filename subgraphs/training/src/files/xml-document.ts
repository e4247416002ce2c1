/**
 * The XML reading shared by the GPX and TCX parsers: checks well-formedness (answering the line and
 * column of the first error), parses with fast-xml-parser into plain objects whose element names have
 * their namespace prefixes removed (`gpxtpx:hr` → `hr`), and offers small typed accessors over them.
 * Every element is an array entry, text-only elements are strings, attributes are `@_name` keys.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { BadUserInputError } from '../../../../lib/errors/domain-error';

/** An element: child elements by local name (arrays), attributes as `@_name`, text as `#text`. */
export type XmlElement = Readonly<Record<string, unknown>>;

export interface XmlDocument {
  /** Local name of the root element (namespace prefix removed). */
  rootName: string;
  root: XmlElement;
  /** " (line N)" for an element, or "" when the parser did not record where it began. */
  where(element: XmlElement): string;
}

const TEXT = '#text';
const ATTRIBUTE_PREFIX = '@_';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: ATTRIBUTE_PREFIX,
  textNodeName: TEXT,
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  // Also decodes numeric character references (&#228;), which XML allows anywhere.
  htmlEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (_name, _path, _isLeaf, isAttribute) => !isAttribute,
  captureMetaData: true,
});

const metaDataKey = XMLParser.getMetaDataSymbol() as unknown as symbol;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A text-only element (parsed as a string) as an element whose only content is its text. */
const asElement = (value: unknown): XmlElement | null => {
  if (isRecord(value)) return value;
  if (typeof value === 'string') return { [TEXT]: value };
  return null;
};

/** Parses `text` as XML; `format` names the expected format in error messages ("GPX", "TCX"). */
export const parseXmlDocument = (text: string, format: string): XmlDocument => {
  const validation = XMLValidator.validate(text);
  if (validation !== true) {
    const { msg, line, col } = validation.err;
    const position = col === undefined ? `line ${line}` : `line ${line}, column ${col}`;
    throw new BadUserInputError('file', `The ${format} file is not well-formed XML (${position}): ${msg}`);
  }
  let parsed: unknown;
  try {
    parsed = parser.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new BadUserInputError('file', `The ${format} file could not be read as XML: ${reason}`);
  }
  const rootEntry = isRecord(parsed)
    ? Object.entries(parsed).find(([name]) => !name.startsWith('?') && name !== TEXT)
    : undefined;
  const root = rootEntry && Array.isArray(rootEntry[1]) ? asElement(rootEntry[1][0]) : null;
  if (!rootEntry || !root) {
    throw new BadUserInputError('file', `The ${format} file has no root element.`);
  }
  return {
    rootName: rootEntry[0],
    root,
    where: (element) => {
      const meta: unknown = (element as Record<symbol, unknown>)[metaDataKey];
      if (!isRecord(meta) || typeof meta.startIndex !== 'number') return '';
      let line = 1;
      for (let i = text.indexOf('\n'); i !== -1 && i < meta.startIndex; i = text.indexOf('\n', i + 1)) line++;
      return ` (line ${line})`;
    },
  };
};

/** The child elements called `name` (local name, case-sensitive), in document order. */
export const children = (element: XmlElement, name: string): XmlElement[] => {
  const value = element[name];
  if (!Array.isArray(value)) return [];
  return value.map(asElement).filter((child): child is XmlElement => child !== null);
};

/** The first child element called `name`, if any. */
export const child = (element: XmlElement, name: string): XmlElement | null =>
  children(element, name)[0] ?? null;

/** An element's own text, trimmed; null when empty. */
export const textOf = (element: XmlElement): string | null => {
  const value = element[TEXT];
  const text = typeof value === 'string' ? value.trim() : '';
  return text === '' ? null : text;
};

/** The trimmed text of the first child element called `name`; null when absent or empty. */
export const childText = (element: XmlElement, name: string): string | null => {
  const found = child(element, name);
  return found ? textOf(found) : null;
};

/** An attribute's value (local name), trimmed; null when absent or empty. */
export const attribute = (element: XmlElement, name: string): string | null => {
  const value = element[ATTRIBUTE_PREFIX + name];
  const text = typeof value === 'string' ? value.trim() : '';
  return text === '' ? null : text;
};

/**
 * The text of the first descendant (depth first, document order per name) whose local name is one of
 * `names`, compared case-insensitively: how vendor extensions are found whatever their namespace prefix.
 */
export const descendantText = (element: XmlElement, names: ReadonlySet<string>): string | null => {
  for (const [key, value] of Object.entries(element)) {
    if (key === TEXT || key.startsWith(ATTRIBUTE_PREFIX) || !Array.isArray(value)) continue;
    const matches = names.has(key.toLowerCase());
    for (const item of value) {
      const node = asElement(item);
      if (!node) continue;
      if (matches) {
        const text = textOf(node);
        if (text !== null) return text;
      }
      const nested = descendantText(node, names);
      if (nested !== null) return nested;
    }
  }
  return null;
};

/** A finite number from text; null when there is no text or it is not a number. */
export const toNumber = (text: string | null): number | null => {
  if (text === null) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
};

/**
 * Counts the start tags whose local name is `name` (whatever the prefix), stopping once past `max`: an
 * upper bound of how many such elements the document holds (tags inside comments or CDATA count too),
 * read before the document is parsed so that an oversized file is refused without building it.
 */
export const countStartTags = (text: string, name: string, max: number): number => {
  const pattern = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${name}[\\s/>]`, 'g');
  let count = 0;
  while (count <= max && pattern.exec(text) !== null) count++;
  return count;
};
