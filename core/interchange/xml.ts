import { XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * XML writing and safe reading shared by the interchange formats (XLIFF, TMX).
 *
 * Reading never processes a DTD: no entity is defined, expanded or fetched. A document with an internal DTD subset or
 * an `<!ENTITY` declaration is refused before parsing (billion laughs, external entities), and only the five
 * predefined entities and numeric character references are decoded, by this module, after parsing.
 */

/** An element of a parsed document, in document order. Attribute names keep their prefix (`xml:lang`, `its:…`). */
export interface XmlElement {
  readonly kind: 'element';
  /** The qualified name as written, e.g. `unit`, `its:locQualityIssue`. */
  readonly name: string;
  /** Attribute values, entity references decoded and whitespace normalised as XML requires. */
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlNode[];
}

/** A run of character data (text or CDATA), entity references decoded. */
export interface XmlText {
  readonly kind: 'text';
  readonly text: string;
}

/** A node of a parsed document. */
export type XmlNode = XmlElement | XmlText;

/** Thrown when a document cannot be read: not well-formed, refused for safety, or not the expected format. */
export class InterchangeFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InterchangeFormatError';
  }
}

// Characters XML 1.0 does not allow in a document, even as character references: C0 controls other than tab, line
// feed and carriage return, lone surrogates, U+FFFE and U+FFFF.
const INVALID_XML_CHARACTER =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** True when `text` holds a character XML 1.0 cannot carry (a C0 control, a lone surrogate, U+FFFE or U+FFFF). */
export function hasInvalidXmlCharacter(text: string): boolean {
  INVALID_XML_CHARACTER.lastIndex = 0;
  return INVALID_XML_CHARACTER.test(text);
}

/**
 * Escapes text for element content: `&`, `<`, `>` as entities and carriage return as `&#13;` (a literal one would be
 * read back as a line feed). Characters XML cannot carry are passed to `invalid` (default: replaced by U+FFFD).
 */
export function escapeXmlText(
  text: string,
  invalid: (character: string) => string = () => '\uFFFD',
): string {
  return text
    .replace(/[&<>\r]/g, (character) => TEXT_ESCAPES[character]!)
    .replace(INVALID_XML_CHARACTER, invalid);
}

const TEXT_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '\r': '&#13;',
};

const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = {
  ...TEXT_ESCAPES,
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
};

/**
 * Escapes text for a double-quoted attribute value: `& < > "` as entities, and tab, line feed and carriage return as
 * character references (a parser would normalise literal ones to spaces). Characters XML cannot carry become U+FFFD.
 */
export function escapeXmlAttribute(text: string): string {
  return text
    .replace(/[&<>"\t\n\r]/g, (character) => ATTRIBUTE_ESCAPES[character]!)
    .replace(INVALID_XML_CHARACTER, '\uFFFD');
}

/** `name="value"` pairs for the defined values, escaped, each with a leading space. */
export function xmlAttributes(attributes: Readonly<Record<string, string | undefined>>): string {
  return Object.entries(attributes)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXmlAttribute(value)}"`)
    .join('');
}

const PREDEFINED_ENTITIES: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
};

function decodeReferences(text: string): string {
  return text.replace(/&([^;&\s]*);?/g, (reference, name: string) => {
    if (!reference.endsWith(';'))
      throw new InterchangeFormatError(`Malformed entity reference "${reference}".`);
    const predefined = PREDEFINED_ENTITIES[name];
    if (predefined !== undefined) return predefined;
    const numeric = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(name);
    if (numeric) {
      const code = numeric[1] !== undefined ? parseInt(numeric[1], 16) : parseInt(numeric[2]!, 10);
      if (code > 0x10ffff)
        throw new InterchangeFormatError(`Character reference ${reference} is out of range.`);
      return String.fromCodePoint(code);
    }
    throw new InterchangeFormatError(
      `Undefined entity "${reference}": only the five XML entities and character references are accepted.`,
    );
  });
}

export interface SafeParseOptions {
  /** The format's name for messages, e.g. `XLIFF`. */
  readonly format: string;
  /**
   * Accept (and skip, never fetch) a `<!DOCTYPE name SYSTEM "…">` or `PUBLIC` declaration without an internal
   * subset, as TMX files commonly carry. Any internal subset or `<!ENTITY` is refused either way.
   */
  readonly allowExternalDoctype?: boolean;
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  // Entities are never processed by the parser: DTD entities would be an attack surface, and the five predefined
  // ones are decoded here (decodeReferences), which also rejects any other reference.
  processEntities: false,
  htmlEntities: false,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  commentPropName: false,
  cdataPropName: '#cdata',
});

/** The leading DOCTYPE declaration without an internal subset, e.g. `<!DOCTYPE tmx SYSTEM "tmx14.dtd">`. */
const EXTERNAL_DOCTYPE =
  /<!DOCTYPE\s+[^\s[>]+(?:\s+(?:SYSTEM|PUBLIC)(?:\s+(?:"[^"]*"|'[^']*'))+)?\s*>/i;

/**
 * Parses an XML document into `XmlNode`s, refusing anything that would need a DTD. Throws `InterchangeFormatError`
 * with a readable message for a DOCTYPE (unless `allowExternalDoctype`) or an entity declaration, a document that is
 * not well-formed (e.g. truncated), or an undefined entity reference. Linear in the input.
 */
export function parseXmlSafely(xmlText: string, options: SafeParseOptions): XmlElement {
  let text = xmlText.charCodeAt(0) === 0xfeff ? xmlText.slice(1) : xmlText;
  if (/<!ENTITY/i.test(text)) {
    throw new InterchangeFormatError(
      `${options.format} file refused: it declares entities (<!ENTITY), which Taiyaku never processes.`,
    );
  }
  const doctype = /<!DOCTYPE/i.exec(text);
  if (doctype) {
    const external = options.allowExternalDoctype
      ? EXTERNAL_DOCTYPE.exec(text.slice(doctype.index))
      : null;
    if (!external || external.index !== 0) {
      throw new InterchangeFormatError(
        `${options.format} file refused: it has a DOCTYPE declaration; Taiyaku reads no DTDs.`,
      );
    }
    // The external DTD is neither fetched nor used: blank the declaration out (keeping line numbers for messages).
    text =
      text.slice(0, doctype.index) +
      external[0].replace(/[^\n]/g, ' ') +
      text.slice(doctype.index + external[0].length);
  }
  const validation = XMLValidator.validate(text);
  if (validation !== true) {
    throw new InterchangeFormatError(
      `${options.format} file is not well-formed XML (line ${validation.err.line}): ${validation.err.msg}`,
    );
  }
  const parsed = parser.parse(text) as unknown[];
  const roots = parsed.map(toNode).filter((node): node is XmlElement => node?.kind === 'element');
  if (roots.length !== 1) {
    throw new InterchangeFormatError(
      `${options.format} file is not well-formed XML: expected one root element, found ${roots.length}.`,
    );
  }
  return roots[0]!;
}

type RawNode = Record<string, unknown>;

function toNode(raw: unknown): XmlNode | undefined {
  const record = raw as RawNode;
  if (typeof record['#text'] === 'string') {
    // XML end-of-line handling: a literal CR LF or CR is read as LF; &#13; survives as CR.
    return { kind: 'text', text: decodeReferences(record['#text'].replace(/\r\n?/g, '\n')) };
  }
  for (const key of Object.keys(record)) {
    if (key === ':@') continue;
    const children = (record[key] as unknown[]).map(toNode).filter((node) => node !== undefined);
    if (key === '#cdata') {
      // CDATA content is literal: no references to decode.
      const cdata = (record[key] as RawNode[])
        .map((child) => String(child['#text'] ?? ''))
        .join('');
      return { kind: 'text', text: cdata.replace(/\r\n?/g, '\n') };
    }
    const attributes: Record<string, string> = {};
    for (const [name, value] of Object.entries((record[':@'] as Record<string, unknown>) ?? {})) {
      // Attribute-value normalisation: literal whitespace characters become spaces before references are decoded.
      attributes[name] = decodeReferences(String(value).replace(/[\t\n\r]/g, ' '));
    }
    return { kind: 'element', name: key, attributes, children };
  }
  return undefined;
}

/** The local part of a qualified name: `locQualityIssue` for `its:locQualityIssue`. */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

/** The child elements of `element`, optionally only those with local name `name`. */
export function childElements(element: XmlElement, name?: string): XmlElement[] {
  return element.children.filter(
    (child): child is XmlElement =>
      child.kind === 'element' && (name === undefined || localName(child.name) === name),
  );
}

/** Every descendant element (depth first, document order) with local name `name`. */
export function descendantElements(element: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  const visit = (node: XmlElement): void => {
    for (const child of childElements(node)) {
      if (localName(child.name) === name) found.push(child);
      visit(child);
    }
  };
  visit(element);
  return found;
}

/** The attribute with this local name, whatever its prefix (`its:locQualityIssueType` or `locQualityIssueType`). */
export function attributeByLocalName(element: XmlElement, name: string): string | undefined {
  if (element.attributes[name] !== undefined) return element.attributes[name];
  for (const [key, value] of Object.entries(element.attributes)) {
    if (localName(key) === name && !key.startsWith('xmlns')) return value;
  }
  return undefined;
}

/** All character data inside `element`, in document order. */
export function textContent(element: XmlElement): string {
  return element.children
    .map((child) => (child.kind === 'text' ? child.text : textContent(child)))
    .join('');
}
