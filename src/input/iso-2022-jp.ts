/**
 * ISO-2022-JP (old Japanese mail and feeds), which iconv-lite does not decode: escape sequences
 * switch between ASCII, JIS-Roman, JIS X 0208 (two bytes: the code points of EUC-JP without their
 * high bits) and half-width katakana. Bytes that fit no mode are U+FFFD, as in the Encoding Standard.
 */
type Mode = 'ascii' | 'roman' | 'jis0208' | 'katakana';

const ESCAPES: Record<string, Mode> = { '(B': 'ascii', '(J': 'roman', '$@': 'jis0208', $B: 'jis0208', '(I': 'katakana' };

export function decodeIso2022Jp(bytes: Uint8Array, eucJp: (bytes: Uint8Array) => string): string {
  const out: string[] = [];
  let mode: Mode = 'ascii';
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    if (b === 0x1b) {
      const next = ESCAPES[String.fromCharCode(bytes[i + 1] ?? 0, bytes[i + 2] ?? 0)];
      if (next) mode = next;
      else out.push('\ufffd');
      i += next ? 3 : 1;
      continue;
    }
    if (mode === 'jis0208' && b >= 0x21 && b <= 0x7e) {
      // A run of two-byte characters, decoded at once as the EUC-JP bytes they stand for.
      let end = i;
      while (end + 1 < bytes.length && bytes[end]! >= 0x21 && bytes[end]! <= 0x7e && bytes[end + 1]! >= 0x21 && bytes[end + 1]! <= 0x7e)
        end += 2;
      if (end === i) {
        out.push('\ufffd');
        i++;
        continue;
      }
      out.push(eucJp(bytes.subarray(i, end).map((x) => x | 0x80)));
      i = end;
      continue;
    }
    if (mode === 'katakana' && b >= 0x21 && b <= 0x5f) out.push(String.fromCharCode(0xff61 + b - 0x21));
    else if (b >= 0x80 || (mode !== 'ascii' && mode !== 'roman' && b !== 0x0a && b !== 0x0d)) out.push('\ufffd');
    else if (mode === 'roman' && b === 0x5c) out.push('¥');
    else if (mode === 'roman' && b === 0x7e) out.push('‾');
    else out.push(String.fromCharCode(b));
    i++;
  }
  return out.join('');
}
