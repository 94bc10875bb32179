/**
 * SMS length: which encoding a text needs and how many parts it is sent in. GSM-7 (the GSM 03.38
 * default alphabet) fits 160 characters in one message or 153 per part of a longer one; a single
 * character outside it (an emoji, a curly quote, "ç") sends the whole text as UCS-2: 70, or 67 per
 * part, counted in UTF-16 code units (an emoji is 2). Pure.
 *
 * Simplification: carriers never split an extension character's two-unit escape pair across parts,
 * so a long GSM-7 text can need one unit more than counted here; the counter ignores that.
 */

export interface SmsCount {
  encoding: 'GSM-7' | 'UCS-2';
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  units: number;
  /** 0 for an empty text. */
  segments: number;
  /** Units per part: 160/70 for one part, 153/67 when the text is split. */
  perSegment: number;
  /** Units left in the last part (a full part for an empty text). */
  remaining: number;
}

/** The GSM 03.38 default alphabet, without 0x1B (the escape to the extension table). */
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
/** The extension table: each is sent as escape + character, two units. */
const GSM_EXTENSION = '\f^{}\\[~]|€';

export function countSms(text: string): SmsCount {
  let units = 0;
  let gsm = true;
  for (const ch of text) {
    if (GSM_BASIC.includes(ch)) units += 1;
    else if (GSM_EXTENSION.includes(ch)) units += 2;
    else {
      gsm = false;
      break;
    }
  }
  if (!gsm) units = text.length;
  const [single, multi] = gsm ? [160, 153] : [70, 67];
  const segments = units > single ? Math.ceil(units / multi) : units ? 1 : 0;
  const perSegment = segments > 1 ? multi : single;
  return { encoding: gsm ? 'GSM-7' : 'UCS-2', units, segments, perSegment, remaining: Math.max(segments, 1) * perSegment - units };
}
