/**
 * Month and weekday names feeds write in other languages (the Greek and Hungarian forms in
 * feedparser's tests), turned into the English abbreviations the RFC 822 pattern reads.
 */
const GREEK_MONTHS: Record<string, string> = {
  Ιαν: 'Jan',
  Φεβ: 'Feb',
  Μάώ: 'Mar',
  Μαώ: 'Mar',
  Μάρ: 'Mar',
  Μαρ: 'Mar',
  Απρ: 'Apr',
  Μάι: 'May',
  Μαϊ: 'May',
  Μαι: 'May',
  Μάί: 'May',
  Ιούν: 'Jun',
  Ιον: 'Jun',
  Ιούλ: 'Jul',
  Ιολ: 'Jul',
  Αύγ: 'Aug',
  Αυγ: 'Aug',
  Σεπ: 'Sep',
  Οκτ: 'Oct',
  Νοέ: 'Nov',
  Νοε: 'Nov',
  Δεκ: 'Dec',
};
const GREEK_DAYS: Record<string, string> = { Κυρ: 'Sun', Δευ: 'Mon', Τρι: 'Tue', Τετ: 'Wed', Πεμ: 'Thu', Παρ: 'Fri', Σαβ: 'Sat' };
const HUNGARIAN_MONTHS: Record<string, string> = {
  január: '01',
  február: '02',
  március: '03',
  április: '04',
  május: '05',
  június: '06',
  július: '07',
  augusztus: '08',
  szeptember: '09',
  október: '10',
  november: '11',
  december: '12',
};

export function toEnglishNames(text: string): string {
  if (/^[\x00-\x7f]*$/.test(text)) return text;
  let out = text.replace(/[\u0370-\u03ff\u1f00-\u1fff]+/g, (word) => GREEK_MONTHS[word] ?? GREEK_DAYS[word] ?? word);
  // 2004-július-13T9:15-05:00 → 2004-07-13T9:15-05:00
  out = out.replace(/^(\d{4})-([a-záéíóöőúüű]+)-/i, (m, year: string, month: string) => {
    const number = HUNGARIAN_MONTHS[month.toLowerCase()];
    return number ? `${year}-${number}-` : m;
  });
  return out;
}
