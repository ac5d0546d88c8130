import { describe, expect, it } from 'vitest';
import { FeedcleanError } from '../../src/errors.js';
import iconv from 'iconv-lite';
import { decode } from '../../src/input/decode.js';
import { ENCODINGS, encodingForLabel } from '../../src/input/encoding-labels.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Runs `fn`, expecting a FeedcleanError, and returns it. */
function caught(fn: () => unknown): FeedcleanError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(FeedcleanError);
    return error as FeedcleanError;
  }
  throw new Error('expected a FeedcleanError, nothing was thrown');
}

describe('decode: refusals', () => {
  it('refuses empty bytes with EMPTY_INPUT', () => {
    expect(caught(() => decode(new Uint8Array(0))).code).toBe('EMPTY_INPUT');
  });

  it('refuses bytes that are only white space with EMPTY_INPUT', () => {
    expect(caught(() => decode(utf8('  \n\t\r\n  '))).code).toBe('EMPTY_INPUT');
  });

  it('refuses a BOM alone with EMPTY_INPUT', () => {
    expect(caught(() => decode(new Uint8Array([0xef, 0xbb, 0xbf]))).code).toBe('EMPTY_INPUT');
    expect(caught(() => decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x0a, 0x20]))).code).toBe('EMPTY_INPUT');
  });

  it('refuses empty and blank strings with EMPTY_INPUT', () => {
    expect(caught(() => decode('')).code).toBe('EMPTY_INPUT');
    expect(caught(() => decode(' \n ')).code).toBe('EMPTY_INPUT');
  });

  it('refuses bytes with NUL with BINARY_INPUT', () => {
    const e = caught(() => decode(new Uint8Array([0x3c, 0x70, 0x3e, 0x00, 0x41])));
    expect(e.code).toBe('BINARY_INPUT');
    expect(e.message).toMatch(/binary/);
  });

  it('refuses a PNG header (NUL bytes) with BINARY_INPUT', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
    expect(caught(() => decode(png)).code).toBe('BINARY_INPUT');
  });

  it('refuses a string holding NUL with BINARY_INPUT', () => {
    expect(caught(() => decode('abc\0def')).code).toBe('BINARY_INPUT');
  });
});

describe('decode: text', () => {
  it('decodes UTF-8 bytes', () => {
    expect(decode(utf8('<p>中文 café — “quotes”</p>'))).toEqual({
      text: '<p>中文 café — “quotes”</p>',
      encoding: 'utf-8',
      warnings: [],
      // (Nothing in it an escape or a control could be: see extract/scrub.ts.)
      plain: true,
    });
  });

  it('strips a UTF-8 BOM from bytes', () => {
    const result = decode(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('[T](https://example.com)')]));
    expect(result.text).toBe('[T](https://example.com)');
    expect(result.text.charCodeAt(0)).not.toBe(0xfeff);
    expect(result.encoding).toBe('utf-8');
  });

  it('strips a BOM from a string', () => {
    expect(decode('\uFEFF<p>x</p>').text).toBe('<p>x</p>');
  });

  it('strips only the leading BOM, not one later in the text', () => {
    expect(decode('\uFEFFa\uFEFFb').text).toBe('a\uFEFFb');
  });

  it('falls back to windows-1252 for invalid UTF-8, with a warning', () => {
    // café in windows-1252 / Latin-1: 0xE9 alone is not valid UTF-8.
    const result = decode(new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0xa9, 0x20, 0xbd]));
    expect(result.text).toBe('café © ½');
    expect(result.encoding).toBe('windows-1252');
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatch(/not valid UTF-8/);
    expect(result.warnings[0]).toMatch(/windows-1252/);
  });

  // Node's own TextDecoder maps these to C1 controls (nodejs/node#56542); decode.ts maps them itself.
  it('maps windows-1252 bytes 0x80–0x9F to their characters (smart quotes, €, dashes)', () => {
    const bytes = new Uint8Array([0x93, 0x68, 0x69, 0x94, 0x20, 0x80, 0x20, 0x96, 0x20, 0x92]);
    expect(decode(bytes).text).toBe('“hi” € – ’');
  });

  it('does not fall back for valid UTF-8 that merely looks like Latin-1 text', () => {
    const result = decode(utf8('café'));
    expect(result.text).toBe('café');
    expect(result.encoding).toBe('utf-8');
    expect(result.warnings).toEqual([]);
  });

  it('passes strings through unchanged', () => {
    const text = '  <div>\r\n  &amp; 中文 \u00e9  </div>\n';
    expect(decode(text)).toEqual({ text, encoding: 'utf-8', warnings: [] });
  });
});

describe('decode: UTF-16 and UTF-32', () => {
  const text = '<p>德国之声 “DW” €</p>';
  const utf16le = Buffer.from(text, 'utf16le');
  const utf16be = Buffer.from(utf16le).swap16();
  const utf32 = (le: boolean) => {
    const cps = [...text].map((c) => c.codePointAt(0)!);
    const out = Buffer.alloc(cps.length * 4);
    cps.forEach((cp, i) => (le ? out.writeUInt32LE(cp, i * 4) : out.writeUInt32BE(cp, i * 4)));
    return out;
  };

  it.each([
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le]), 'utf-16le'],
    ['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be]), 'utf-16be'],
    ['UTF-32LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), utf32(true)]), 'utf-32le'],
    ['UTF-32BE with BOM', Buffer.concat([Buffer.from([0, 0, 0xfe, 0xff]), utf32(false)]), 'utf-32be'],
  ])('reads %s (NUL bytes there are not binary)', (_label, bytes, encoding) => {
    expect(decode(new Uint8Array(bytes))).toEqual({ text, encoding, warnings: [] });
  });

  it('recognises BOM-less UTF-16 XML by the bytes of "<?"', () => {
    const xml = '<?xml version="1.0"?><rss/>';
    expect(decode(new Uint8Array(Buffer.from(xml, 'utf16le')))).toEqual({ text: xml, encoding: 'utf-16le', warnings: [] });
  });
});

describe('decode: declared and undeclared legacy encodings', () => {
  const gbk = (text: string) =>
    new Uint8Array(Buffer.from([...text].flatMap((c) => [...(c.charCodeAt(0) < 128 ? Buffer.from(c) : GBK[c]!)])));
  // 中文 in GBK: D6D0 CEC4; 德国 C2B9 B9FA (computed with iconv-lite in a REPL and checked in a GBK table).
  const GBK: Record<string, number[]> = { 中: [0xd6, 0xd0], 文: [0xce, 0xc4], 德: [0xb5, 0xc2], 国: [0xb9, 0xfa] };

  it('uses the encoding an XML declaration names', () => {
    const result = decode(gbk('<?xml version="1.0" encoding="GBK"?><rss>中文</rss>'));
    expect(result.text).toBe('<?xml version="1.0" encoding="GBK"?><rss>中文</rss>');
    // The Encoding Standard reads GBK with the gb18030 decoder (its superset).
    expect(result.encoding).toBe('gb18030');
  });

  it('uses an HTML meta charset', () => {
    expect(decode(gbk('<meta charset="gb2312"><p>德国</p>')).text).toBe('<meta charset="gb2312"><p>德国</p>');
  });

  it('recognises undeclared GB18030 Chinese text, with a warning', () => {
    const result = decode(gbk('<p>中文德国中文德国</p>'));
    expect(result.text).toBe('<p>中文德国中文德国</p>');
    expect(result.encoding).toBe('gb18030');
    expect(result.warnings[0]).toMatch(/gb18030/);
  });

  it('keeps UTF-8 text with a few bad bytes as UTF-8, replacing only those', () => {
    const good = Buffer.from('<p>德国之声中文网报道，这是一段足够长的中文文字，用来说明少数坏字节不会毁掉整篇。</p>');
    const result = decode(new Uint8Array(Buffer.concat([Buffer.from([0xff]), good])));
    expect(result.text).toBe(`\ufffd${good.toString('utf8')}`);
    expect(result.encoding).toBe('utf-8');
    expect(result.warnings).toEqual(['input has 1 invalid UTF-8 byte sequence; replaced with U+FFFD']);
  });

  it('keeps a short UTF-8 item with one bad byte as UTF-8 (a cut-off download, a stray byte)', () => {
    const bytes = Buffer.concat([
      Buffer.from('<h1>中文标题</h1><p>中文'),
      Buffer.from([0xff]),
      Buffer.from('内容很好。</p><p>第二段。</p>'),
    ]);
    const result = decode(new Uint8Array(bytes));
    expect(result.text).toBe('<h1>中文标题</h1><p>中文\ufffd内容很好。</p><p>第二段。</p>');
    expect(result.encoding).toBe('utf-8');
    expect(result.warnings).toEqual(['input has 1 invalid UTF-8 byte sequence; replaced with U+FFFD']);
  });

  it('still reads short Chinese text in GB18030 as GB18030, not as UTF-8 with bad bytes', () => {
    for (const text of [
      '<p>中文德国中文德国</p>',
      '<p>德国之声：总理说，政府将继续支持。</p>',
      '<h1>新闻</h1><p>今天天气很好，我们去公园散步。</p>',
    ]) {
      const result = decode(new Uint8Array(iconv.encode(text, 'gbk')));
      expect(result.text, text).toBe(text);
      expect(result.encoding).toBe('gb18030');
    }
  });
});

describe('decode: C1 controls', () => {
  it('reads C1 control characters as the windows-1252 characters they stand for', () => {
    expect(decode(new Uint8Array(Buffer.from('don\u0092t \u0093quoted\u0094 \u0080', 'utf8'))).text).toBe(
      'don\u2019t \u201cquoted\u201d \u20ac',
    );
  });

  it('finds them in UTF-8 bytes as it finds them in a string (the bytes are searched, the string matched)', () => {
    // Every character from U+0060 to U+0140 (C1 controls, Latin-1 letters and signs led by the same
    // byte C2 or C3) in random runs, with CJK text between.
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let run = 0; run < 200; run++) {
      let text = '<p>';
      for (let i = 0; i < 12; i++) text += random() < 0.3 ? '中文' : String.fromCharCode(0x60 + Math.floor(random() * 0xe0));
      expect(decode(new Uint8Array(Buffer.from(text, 'utf8'))).text, JSON.stringify(text)).toBe(decode(text).text);
    }
  });

  it('replaces lone surrogates in string input, keeping real pairs', () => {
    expect(decode('<p>a\ud800b\udc00c😀</p>').text).toBe('<p>a\ufffdb\ufffdc😀</p>');
  });
});

describe('decode: declared labels resolve as the Encoding Standard says', () => {
  const declared = (label: string, body: string, encoding: string) =>
    new Uint8Array(iconv.encode(`<?xml version="1.0" encoding="${label}"?><rss><channel><title>${body}</title></channel></rss>`, encoding));

  it('knows every label of the standard (228), each once', () => {
    const labels = ENCODINGS.flatMap((e) => e.labels);
    expect(labels).toHaveLength(228);
    expect(new Set(labels).size).toBe(228);
  });

  it.each([
    ['gb2312', 'gb18030'],
    ['GBK', 'gb18030'],
    ['x-gbk', 'gb18030'],
    ['us-ascii', 'windows-1252'],
    ['latin1', 'windows-1252'],
    ['ISO-8859-1', 'windows-1252'],
    ['iso_8859-1:1987', 'windows-1252'],
    ['ks_c_5601-1987', 'euc-kr'],
    ['sjis', 'shift_jis'],
    ['x-mac-cyrillic', 'x-mac-cyrillic'],
    ['koi', 'koi8-r'],
    ['tis-620', 'windows-874'],
    ['big5-hkscs', 'big5'],
    ['  UTF8 ', 'utf-8'],
  ])('%s → %s', (label, name) => {
    expect(encodingForLabel(label)?.name).toBe(name);
  });

  it('decodes a declared label with the encoding it names', () => {
    expect(decode(declared('latin1', 'Caf\u00e9 \u201cquoted\u201d', 'windows-1252'))).toMatchObject({
      encoding: 'windows-1252',
      warnings: [],
    });
    expect(decode(declared('latin1', 'Caf\u00e9 \u201cquoted\u201d', 'windows-1252')).text).toContain('Café “quoted”');
    expect(decode(declared('ks_c_5601-1987', '뉴스 똠방각하', 'cp949')).text).toContain('뉴스 똠방각하');
    expect(decode(declared('windows-31j', '①ニュース', 'cp932')).text).toContain('①ニュース');
    expect(decode(declared('x-mac-cyrillic', 'Новости', 'maccyrillic')).text).toContain('Новости');
  });

  it('reads a declared ISO-2022-JP (which iconv-lite does not know)', () => {
    // 日本語 in JIS X 0208 between ESC $ B and ESC ( B; ｱ as half-width katakana after ESC ( I.
    const bytes = Buffer.concat([
      Buffer.from('<?xml version="1.0" encoding="ISO-2022-JP"?><rss><channel><title>'),
      Buffer.from([0x1b, 0x24, 0x42, 0x46, 0x7c, 0x4b, 0x5c, 0x38, 0x6c, 0x1b, 0x28, 0x49, 0x31, 0x1b, 0x28, 0x42]),
      Buffer.from(' news</title></channel></rss>'),
    ]);
    const result = decode(new Uint8Array(bytes));
    expect(result.encoding).toBe('iso-2022-jp');
    expect(result.text).toContain('<title>日本語ｱ news</title>');
  });

  it('a UTF-16 label in a declaration read as ASCII means UTF-8; x-user-defined means windows-1252', () => {
    expect(decode(new TextEncoder().encode('<?xml version="1.0" encoding="utf-16"?><rss>é</rss>'))).toMatchObject({
      encoding: 'utf-8',
      warnings: [],
    });
    expect(decode(new Uint8Array(Buffer.from('<meta charset="x-user-defined"><p>caf\xe9</p>', 'latin1'))).text).toContain('café');
  });

  it('refuses the replacement encodings (ISO-2022-KR, HZ) and ignores an unknown label with a warning', () => {
    const e = caught(() => decode(new TextEncoder().encode('<?xml version="1.0" encoding="ISO-2022-KR"?><rss/>')));
    expect(e.code).toBe('UNSUPPORTED_INPUT');
    expect(e.message).toMatch(/ISO-2022-KR/);
    expect(decode(new TextEncoder().encode('<?xml version="1.0" encoding="x-made-up"?><rss/>')).warnings).toEqual([
      'declared encoding "x-made-up" is unknown; ignored',
    ]);
  });
});

describe('decode: undeclared legacy encodings are detected', () => {
  // Hand-written news text of a paragraph or two, as feed items carry it.
  const TEXT: Record<string, string> = {
    japanese: '東京都は本日、新しい防災計画を発表しました。地震や台風に備えて、各区の避難所を増やし、食料や水の備蓄を見直します。',
    korean: '서울시는 오늘 새로운 교통 정책을 발표했습니다. 내년부터 버스 노선을 늘리고 지하철 운행 시간을 연장할 예정입니다.',
    chinese: '台北市政府今天公布新的交通政策。明年起將增加公車路線，並延長捷運的營運時間，讓市民通勤更加方便。',
    russian: 'Правительство объявило сегодня о новой программе поддержки малого бизнеса. Льготные кредиты получат предприятия в регионах.',
  };
  const item = (text: string) =>
    `<rss version="2.0"><channel><title>News</title><item><title>${text.slice(0, 12)}</title><description>${text}</description></item></channel></rss>`;

  it.each([
    ['Shift_JIS', 'japanese', 'shift_jis', 'shift_jis'],
    ['EUC-JP', 'japanese', 'euc-jp', 'euc-jp'],
    ['EUC-KR', 'korean', 'euc-kr', 'euc-kr'],
    ['Big5', 'chinese', 'big5', 'big5'],
    ['windows-1251', 'russian', 'windows-1251', 'windows-1251'],
    ['KOI8-R', 'russian', 'koi8-r', 'koi8-r'],
  ])('%s', (_name, language, written, name) => {
    const text = item(TEXT[language]!);
    const result = decode(new Uint8Array(iconv.encode(text, written)));
    expect(result.text).toBe(text);
    expect(result.encoding).toBe(name);
    expect(result.warnings).toEqual([`input is not UTF-8 and declares no encoding; read as ${name} (detected)`]);
  });

  it('never overrules mostly-valid UTF-8: a few bad bytes stay U+FFFD', () => {
    const good = Buffer.from(item(TEXT.russian!));
    const broken = Buffer.concat([good.subarray(0, 200), Buffer.from([0xc0, 0xff]), good.subarray(200)]);
    const result = decode(new Uint8Array(broken));
    expect(result.encoding).toBe('utf-8');
    expect(result.text).toContain('\ufffd');
    expect(result.text).toContain('Правительство');
  });
});

describe('decode: a UTF-8 declaration the bytes belie', () => {
  it('says so, and reads the bytes as what they are', () => {
    const bytes = new Uint8Array(Buffer.from('<?xml version="1.0" encoding="utf-8"?><rss><title>caf\xe9</title></rss>', 'latin1'));
    expect(decode(bytes).warnings).toEqual(['input declares UTF-8 but is not valid UTF-8; read as windows-1252']);
  });
});
