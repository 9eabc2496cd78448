import XmlBuilder from 'fast-xml-builder';
import { XMLParser } from 'fast-xml-parser';
import { z } from 'zod';
import type { Transport } from '../blogAdapter';
import { hostOf, sendRequest, type HttpRequest } from '../http/request';
import { credentialsRefused, PublishingError } from '../publishingError';
import { checkStatus, incompleteAnswer } from '../http/responses';

/** A value XML-RPC can carry (bytes go as base64). Dates without a zone are read as UTC. */
export type XmlRpcValue =
  | string
  | number
  | boolean
  | Date
  | Uint8Array
  | null
  | readonly XmlRpcValue[]
  | { readonly [name: string]: XmlRpcValue };

type XmlNode = Record<string, unknown>;

const builder = new XmlBuilder({ ignoreAttributes: false, processEntities: true, suppressEmptyNode: false });
// htmlEntities also decodes numeric references (&#039;), which WordPress's htmlspecialchars produces.
const parser = new XMLParser({
  preserveOrder: true,
  trimValues: false,
  parseTagValue: false,
  ignoreAttributes: true,
  processEntities: true,
  htmlEntities: true,
});
// XML 1.0 cannot carry these at all; a blog would answer "not well formed".
// eslint-disable-next-line no-control-regex -- matching the control characters XML forbids is the point.
const forbiddenCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** The XML of a methodCall; every value is escaped by the builder, none is concatenated. */
export function methodCallXml(method: string, params: readonly XmlRpcValue[]): string {
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    methodCall: { methodName: method, params: { param: params.map((param) => ({ value: encode(param) })) } },
  });
}

/**
 * Calls `method` at an XML-RPC endpoint. HTTP failures, answers that are not XML-RPC, and faults
 * become PublishingErrors (WordPress's fault codes mirror HTTP statuses).
 */
export async function callXmlRpc(
  transport: Transport,
  endpoint: string,
  method: string,
  params: readonly XmlRpcValue[],
): Promise<XmlRpcValue> {
  const request: HttpRequest = {
    method: 'POST',
    url: endpoint,
    headers: { 'content-type': 'text/xml; charset=utf-8', accept: 'text/xml' },
    body: methodCallXml(method, params),
  };
  const response = await sendRequest(transport, request);
  checkStatus(request, response);
  return parseMethodResponse(response.body, hostOf(response.url), method);
}

/** Checks an XML-RPC answer's shape; missing fields get a clear message. */
export function parseAnswer<Schema extends z.ZodType>(
  value: XmlRpcValue,
  schema: Schema,
  host: string,
  what: string,
): z.infer<Schema> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw incompleteAnswer(host, what, parsed.error);
}

/** The value of a methodResponse, or the PublishingError its fault means. */
export function parseMethodResponse(xml: string, host: string, method: string): XmlRpcValue {
  const notXmlRpc = (detail: string): PublishingError =>
    new PublishingError(
      /^\s*<(!doctype\s+html|html)/i.test(xml) ? 'not-an-api' : 'malformed-response',
      `${host} did not answer ${method} as an XML-RPC server does (${detail}). Check the blog's address, and that XML-RPC is enabled.`,
    );
  // XML-RPC never needs a DTD; refusing one rules out entity expansion attacks.
  if (/<!doctype/i.test(xml)) throw notXmlRpc('it sent a document type');
  let document: XmlNode[];
  try {
    const parsed: unknown = parser.parse(xml);
    document = Array.isArray(parsed) ? (parsed as XmlNode[]) : [];
  } catch {
    throw notXmlRpc('not well-formed XML');
  }
  const response = only(childElements(document), 'methodResponse');
  if (!response) throw notXmlRpc('no methodResponse');
  const [first] = childElements(children(response));
  if (first && name(first) === 'fault') {
    const value = only(childElements(children(first)), 'value');
    const fault = value ? decode(value) : null;
    throw faultError(fault, host, method);
  }
  const value = first ? firstValueOfParams(first) : null;
  if (!value) throw notXmlRpc('no value in the answer');
  return decode(value);
}

function firstValueOfParams(params: XmlNode): XmlNode | null {
  if (name(params) !== 'params') return null;
  const param = only(childElements(children(params)), 'param');
  return param ? only(childElements(children(param)), 'value') : null;
}

function encode(value: XmlRpcValue): unknown {
  if (value === null) return { nil: '' };
  if (typeof value === 'string') return { string: value.replace(forbiddenCharacters, '') };
  if (typeof value === 'number') return Number.isInteger(value) ? { int: value } : { double: value };
  if (typeof value === 'boolean') return { boolean: value ? 1 : 0 };
  if (value instanceof Date) return { 'dateTime.iso8601': `${value.toISOString().slice(0, 19).replaceAll('-', '')}Z` };
  if (value instanceof Uint8Array) return { base64: Buffer.from(value).toString('base64') };
  if (isList(value)) return { array: { data: { value: value.map(encode) } } };
  return {
    struct: {
      member: Object.entries(value).map(([memberName, member]) => ({ name: memberName, value: encode(member) })),
    },
  };
}

function isList(value: XmlRpcValue): value is readonly XmlRpcValue[] {
  return Array.isArray(value);
}

function decode(value: XmlNode): XmlRpcValue {
  const elements = childElements(children(value));
  const typed = elements[0];
  // A <value> without a type element is a string.
  if (!typed) return text(children(value));
  const content = children(typed);
  switch (name(typed)) {
    case 'string':
    case 'base64':
      return text(content);
    case 'int':
    case 'i4':
    case 'i8':
    case 'double':
      return Number(text(content).trim());
    case 'boolean':
      return text(content).trim() === '1';
    case 'dateTime.iso8601':
      return parseDate(text(content).trim());
    case 'nil':
      return null;
    case 'array': {
      const data = only(childElements(content), 'data');
      return data
        ? childElements(children(data))
            .filter((node) => name(node) === 'value')
            .map(decode)
        : [];
    }
    case 'struct': {
      const struct: Record<string, XmlRpcValue> = {};
      for (const member of childElements(content).filter((node) => name(node) === 'member')) {
        const parts = childElements(children(member));
        const memberName = parts.find((node) => name(node) === 'name');
        const memberValue = parts.find((node) => name(node) === 'value');
        if (memberName && memberValue) struct[text(children(memberName))] = decode(memberValue);
      }
      return struct;
    }
    default:
      return text(content);
  }
}

/** "20261124T07:40:00", with or without dashes, zone or fraction; no zone means UTC. */
function parseDate(value: string): Date {
  const match = /^(\d{4})-?(\d{2})-?(\d{2})T(\d{2}):?(\d{2}):?(\d{2})(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/.exec(value);
  if (!match) return new Date(Number.NaN);
  const [, year, month, day, hour, minute, second, zone] = match;
  const offset = zone === undefined || zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  return new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}${offset}`);
}

function faultError(fault: XmlRpcValue, host: string, method: string): PublishingError {
  const struct =
    fault !== null &&
    typeof fault === 'object' &&
    !isList(fault) &&
    !(fault instanceof Date) &&
    !(fault instanceof Uint8Array)
      ? fault
      : {};
  const code = typeof struct['faultCode'] === 'number' ? struct['faultCode'] : Number(struct['faultCode']);
  const said = typeof struct['faultString'] === 'string' ? struct['faultString'].slice(0, 200) : '';
  const because = said === '' ? '' : ` The blog said: "${said}"`;
  // WordPress answers a wrong user name or password with fault 403 ("Incorrect username or password.").
  if (code === 403) return credentialsRefused(host, 'the password', { said, status: code });
  if (code === 401 || code === 405) {
    return new PublishingError('forbidden', `${host} does not allow this account to do that.${because}`, {
      status: code,
    });
  }
  if (code === 404) return new PublishingError('not-found', `${host} has no such post.${because}`, { status: code });
  if (code === -32601) {
    return new PublishingError('not-an-api', `${host} does not offer ${method} over XML-RPC.${because}`, {
      status: code,
    });
  }
  if (code === -32700) {
    return new PublishingError(
      'rejected',
      `${host} could not read the request (fault -32700).${because} Its PHP may lack the XML extension.`,
      { status: code },
    );
  }
  return new PublishingError('rejected', `${host} refused ${method} (fault ${String(code)}).${because}`, {
    status: code,
  });
}

function name(node: XmlNode): string {
  return Object.keys(node).find((key) => key !== ':@') ?? '';
}

function children(node: XmlNode): XmlNode[] {
  const value = node[name(node)];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

function childElements(nodes: readonly XmlNode[]): XmlNode[] {
  return nodes.filter((node) => !('#text' in node) && !name(node).startsWith('?'));
}

function only(nodes: readonly XmlNode[], wanted: string): XmlNode | null {
  return nodes.find((node) => name(node) === wanted) ?? null;
}

function text(nodes: readonly XmlNode[]): string {
  return nodes.map((node) => (typeof node['#text'] === 'string' ? node['#text'] : '')).join('');
}
