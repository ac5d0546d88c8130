/**
 * Every label of the WHATWG Encoding Standard (https://encoding.spec.whatwg.org/#names-and-labels,
 * its encodings.json), by the encoding it names: a charset a feed declares is resolved as browsers
 * resolve it (`latin1`, `us-ascii` → windows-1252; `gb2312`, `GBK` → the gb18030 decoder, which the
 * standard uses for GBK; `ks_c_5601-1987` → euc-kr). `decoder` is the iconv-lite name that decodes it
 * where that differs; windows-1252 is decoded by decode.ts itself.
 */
export interface EncodingEntry {
  /** The standard's name of the encoding (source.encoding reports it). */
  name: string;
  labels: readonly string[];
  decoder?: string;
}

// prettier-ignore
export const ENCODINGS: readonly EncodingEntry[] = [
  { name: 'utf-8', labels: ['unicode-1-1-utf-8', 'unicode11utf8', 'unicode20utf8', 'utf-8', 'utf8', 'x-unicode20utf8'] },
  { name: 'ibm866', decoder: 'cp866', labels: ['866', 'cp866', 'csibm866', 'ibm866'] },
  { name: 'iso-8859-2', labels: ['csisolatin2', 'iso-8859-2', 'iso-ir-101', 'iso8859-2', 'iso88592', 'iso_8859-2', 'iso_8859-2:1987', 'l2', 'latin2'] },
  { name: 'iso-8859-3', labels: ['csisolatin3', 'iso-8859-3', 'iso-ir-109', 'iso8859-3', 'iso88593', 'iso_8859-3', 'iso_8859-3:1988', 'l3', 'latin3'] },
  { name: 'iso-8859-4', labels: ['csisolatin4', 'iso-8859-4', 'iso-ir-110', 'iso8859-4', 'iso88594', 'iso_8859-4', 'iso_8859-4:1988', 'l4', 'latin4'] },
  { name: 'iso-8859-5', labels: ['csisolatincyrillic', 'cyrillic', 'iso-8859-5', 'iso-ir-144', 'iso8859-5', 'iso88595', 'iso_8859-5', 'iso_8859-5:1988'] },
  { name: 'iso-8859-6', labels: ['arabic', 'asmo-708', 'csiso88596e', 'csiso88596i', 'csisolatinarabic', 'ecma-114', 'iso-8859-6', 'iso-8859-6-e', 'iso-8859-6-i', 'iso-ir-127', 'iso8859-6', 'iso88596', 'iso_8859-6', 'iso_8859-6:1987'] },
  { name: 'iso-8859-7', labels: ['csisolatingreek', 'ecma-118', 'elot_928', 'greek', 'greek8', 'iso-8859-7', 'iso-ir-126', 'iso8859-7', 'iso88597', 'iso_8859-7', 'iso_8859-7:1987', 'sun_eu_greek'] },
  { name: 'iso-8859-8', labels: ['csiso88598e', 'csisolatinhebrew', 'hebrew', 'iso-8859-8', 'iso-8859-8-e', 'iso-ir-138', 'iso8859-8', 'iso88598', 'iso_8859-8', 'iso_8859-8:1988', 'visual'] },
  { name: 'iso-8859-8-i', decoder: 'iso-8859-8', labels: ['csiso88598i', 'iso-8859-8-i', 'logical'] },
  { name: 'iso-8859-10', labels: ['csisolatin6', 'iso-8859-10', 'iso-ir-157', 'iso8859-10', 'iso885910', 'l6', 'latin6'] },
  { name: 'iso-8859-13', labels: ['iso-8859-13', 'iso8859-13', 'iso885913'] },
  { name: 'iso-8859-14', labels: ['iso-8859-14', 'iso8859-14', 'iso885914'] },
  { name: 'iso-8859-15', labels: ['csisolatin9', 'iso-8859-15', 'iso8859-15', 'iso885915', 'iso_8859-15', 'l9'] },
  { name: 'iso-8859-16', labels: ['iso-8859-16'] },
  { name: 'koi8-r', labels: ['cskoi8r', 'koi', 'koi8', 'koi8-r', 'koi8_r'] },
  { name: 'koi8-u', labels: ['koi8-ru', 'koi8-u'] },
  { name: 'macintosh', labels: ['csmacintosh', 'mac', 'macintosh', 'x-mac-roman'] },
  { name: 'windows-874', labels: ['dos-874', 'iso-8859-11', 'iso8859-11', 'iso885911', 'tis-620', 'windows-874'] },
  { name: 'windows-1250', labels: ['cp1250', 'windows-1250', 'x-cp1250'] },
  { name: 'windows-1251', labels: ['cp1251', 'windows-1251', 'x-cp1251'] },
  { name: 'windows-1252', labels: ['ansi_x3.4-1968', 'ascii', 'cp1252', 'cp819', 'csisolatin1', 'ibm819', 'iso-8859-1', 'iso-ir-100', 'iso8859-1', 'iso88591', 'iso_8859-1', 'iso_8859-1:1987', 'l1', 'latin1', 'us-ascii', 'windows-1252', 'x-cp1252'] },
  { name: 'windows-1253', labels: ['cp1253', 'windows-1253', 'x-cp1253'] },
  { name: 'windows-1254', labels: ['cp1254', 'csisolatin5', 'iso-8859-9', 'iso-ir-148', 'iso8859-9', 'iso88599', 'iso_8859-9', 'iso_8859-9:1989', 'l5', 'latin5', 'windows-1254', 'x-cp1254'] },
  { name: 'windows-1255', labels: ['cp1255', 'windows-1255', 'x-cp1255'] },
  { name: 'windows-1256', labels: ['cp1256', 'windows-1256', 'x-cp1256'] },
  { name: 'windows-1257', labels: ['cp1257', 'windows-1257', 'x-cp1257'] },
  { name: 'windows-1258', labels: ['cp1258', 'windows-1258', 'x-cp1258'] },
  { name: 'x-mac-cyrillic', decoder: 'maccyrillic', labels: ['x-mac-cyrillic', 'x-mac-ukrainian'] },
  // The standard decodes GBK with the gb18030 decoder (GB18030 is its superset): so do we, and say so.
  { name: 'gb18030', labels: ['chinese', 'csgb2312', 'csiso58gb231280', 'gb2312', 'gb_2312', 'gb_2312-80', 'gbk', 'iso-ir-58', 'x-gbk', 'gb18030'] },
  { name: 'big5', decoder: 'big5hkscs', labels: ['big5', 'big5-hkscs', 'cn-big5', 'csbig5', 'x-x-big5'] },
  { name: 'euc-jp', labels: ['cseucpkdfmtjapanese', 'euc-jp', 'x-euc-jp'] },
  { name: 'iso-2022-jp', labels: ['csiso2022jp', 'iso-2022-jp'] },
  // The standard's Shift_JIS and EUC-KR are Microsoft's supersets of them (windows-31j, windows-949).
  { name: 'shift_jis', decoder: 'cp932', labels: ['csshiftjis', 'ms932', 'ms_kanji', 'shift-jis', 'shift_jis', 'sjis', 'windows-31j', 'x-sjis'] },
  { name: 'euc-kr', decoder: 'cp949', labels: ['cseuckr', 'csksc56011987', 'euc-kr', 'iso-ir-149', 'korean', 'ks_c_5601-1987', 'ks_c_5601-1989', 'ksc5601', 'ksc_5601', 'windows-949'] },
  // Encodings that can smuggle ASCII past a reader: the standard decodes them to one U+FFFD.
  { name: 'replacement', labels: ['csiso2022kr', 'hz-gb-2312', 'iso-2022-cn', 'iso-2022-cn-ext', 'iso-2022-kr', 'replacement'] },
  { name: 'utf-16be', labels: ['unicodefffe', 'utf-16be'] },
  { name: 'utf-16le', labels: ['csunicode', 'iso-10646-ucs-2', 'ucs-2', 'unicode', 'unicodefeff', 'utf-16', 'utf-16le'] },
  { name: 'x-user-defined', labels: ['x-user-defined'] },
];

const BY_LABEL = new Map<string, EncodingEntry>(ENCODINGS.flatMap((entry) => entry.labels.map((label) => [label, entry] as const)));

/** The encoding a label names, as the standard's "get an encoding" finds it (white space trimmed, case folded); null if none. */
export function encodingForLabel(label: string): EncodingEntry | null {
  return BY_LABEL.get(label.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '').toLowerCase()) ?? null;
}
