import { describe, expect, it } from 'vitest';
import { methodCallXml, parseMethodResponse } from '../../../../electron/core/publishing/xmlrpc/xmlRpc';

function response(value: string): string {
  return `<?xml version="1.0"?>\n<methodResponse>\n  <params>\n    <param>\n      <value>${value}</value>\n    </param>\n  </params>\n</methodResponse>\n`;
}

describe('XML-RPC serialisation', () => {
  it('escapes every value instead of concatenating it into the XML', () => {
    const xml = methodCallXml('wp.newPost', [
      '</string></value><value><int>1</int>',
      { post_title: 'Fish & "chips" <b>' },
    ]);
    expect(xml).toContain('<string>&lt;/string&gt;&lt;/value&gt;&lt;value&gt;&lt;int&gt;1&lt;/int&gt;</string>');
    expect(xml).toContain(
      '<name>post_title</name><value><string>Fish &amp; &quot;chips&quot; &lt;b&gt;</string></value>',
    );
    expect(xml.match(/<param>/g)).toHaveLength(2);
  });

  it('encodes numbers, booleans, dates, lists and nested structs with their XML-RPC types', () => {
    const xml = methodCallXml('m', [
      3,
      1.5,
      true,
      new Date('2026-11-27T10:00:00Z'),
      ['a'],
      { terms: { post_tag: ['x'] } },
    ]);
    expect(xml).toContain('<value><int>3</int></value>');
    expect(xml).toContain('<value><double>1.5</double></value>');
    expect(xml).toContain('<value><boolean>1</boolean></value>');
    expect(xml).toContain('<value><dateTime.iso8601>20261127T10:00:00Z</dateTime.iso8601></value>');
    expect(xml).toContain('<value><array><data><value><string>a</string></value></data></array></value>');
    expect(xml).toContain('<member><name>post_tag</name><value><array><data><value><string>x</string>');
  });

  it('drops characters that XML 1.0 cannot carry', () => {
    expect(methodCallXml('m', ['a\u0000b\u0007c\nd'])).toContain('<string>abc\nd</string>');
  });

  it('reads back what WordPress sends, entities and whitespace included', () => {
    const value = parseMethodResponse(
      response(`<struct>
        <member><name>post_id</name><value><string>12</string></value></member>
        <member><name>post_title</name><value><string>It&#039;s &lt;here&gt; &amp; now\u2019  </string></value></member>
        <member><name>untyped</name><value>plain text</value></member>
        <member><name>sticky</name><value><boolean>0</boolean></value></member>
        <member><name>count</name><value><i4>-4</i4></value></member>
        <member><name>post_date_gmt</name><value><dateTime.iso8601>20261124T07:40:05</dateTime.iso8601></value></member>
        <member><name>terms</name><value><array><data>
          <value><struct><member><name>name</name><value><string>ISIS</string></value></member></struct></value>
        </data></array></value></member>
      </struct>`),
      '127.0.0.1',
      'wp.getPost',
    );
    expect(value).toEqual({
      post_id: '12',
      post_title: 'It\u0027s <here> & now\u2019  ',
      untyped: 'plain text',
      sticky: false,
      count: -4,
      post_date_gmt: new Date('2026-11-24T07:40:05Z'),
      terms: [{ name: 'ISIS' }],
    });
  });

  it('reads a literal "&#039;" that the server escaped as text', () => {
    expect(parseMethodResponse(response('<string>&amp;#039;</string>'), 'h', 'm')).toBe('&#039;');
  });

  it('refuses an answer that is not a methodResponse', () => {
    expect(() => parseMethodResponse('<html><body>Hi</body></html>', 'h', 'm')).toThrow(/did not answer m/);
    expect(() => parseMethodResponse('<methodResponse><params>', 'h', 'm')).toThrow(/did not answer m/);
  });
});
