/**
 * SMS segment counting: GSM-7 fits 160 characters in one message, 153 per part of a longer one;
 * one character outside the GSM 03.38 alphabet makes it UCS-2 (70, or 67 per part, in UTF-16 code
 * units); the extension table's characters cost two.
 */
import { describe, expect, it } from 'vitest';
import { countSms } from '../../src/lib/sms-segments';

/** The GSM 03.38 default alphabet, written out independently of the module (without ESC). */
const BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const EXTENSION = ['^', '{', '}', '[', ']', '~', '\\', '|', '€', '\f'];
const a = (n: number) => 'a'.repeat(n);

describe('countSms in GSM-7', () => {
  it('counts an empty text as no segment with a whole one left', () => {
    expect(countSms('')).toEqual({ encoding: 'GSM-7', units: 0, segments: 0, perSegment: 160, remaining: 160 });
  });

  it('fits 160 characters in one segment and splits the 161st into parts of 153', () => {
    expect(countSms(a(1))).toEqual({ encoding: 'GSM-7', units: 1, segments: 1, perSegment: 160, remaining: 159 });
    expect(countSms(a(160))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1, perSegment: 160, remaining: 0 });
    expect(countSms(a(161))).toEqual({ encoding: 'GSM-7', units: 161, segments: 2, perSegment: 153, remaining: 145 });
  });

  it('fits 306 characters in two parts and needs a third for the 307th', () => {
    expect(countSms(a(153 * 2))).toEqual({ encoding: 'GSM-7', units: 306, segments: 2, perSegment: 153, remaining: 0 });
    expect(countSms(a(153 * 2 + 1))).toEqual({ encoding: 'GSM-7', units: 307, segments: 3, perSegment: 153, remaining: 152 });
    expect(countSms(a(153 * 3 + 1)).segments).toBe(4);
  });

  it('counts every character of the default alphabet once', () => {
    expect(BASIC.length).toBe(127);
    const count = countSms(BASIC);
    expect(count.encoding).toBe('GSM-7');
    expect(count.units).toBe(127);
    for (const ch of BASIC) expect(countSms(ch)).toMatchObject({ encoding: 'GSM-7', units: 1 });
  });

  it('counts each extension-table character, € and form feed included, as two', () => {
    for (const ch of EXTENSION) expect(countSms(ch)).toMatchObject({ encoding: 'GSM-7', units: 2, segments: 1 });
    expect(countSms(EXTENSION.join('')).units).toBe(20);
    expect(countSms('Cost: 5€ {ok}').units).toBe(16);
  });

  it('moves to two segments when an extension character pushes the text past 160', () => {
    expect(countSms(`${a(158)}€`)).toMatchObject({ encoding: 'GSM-7', units: 160, segments: 1, remaining: 0 });
    expect(countSms(`${a(159)}€`)).toMatchObject({ encoding: 'GSM-7', units: 161, segments: 2, perSegment: 153 });
    expect(countSms(`${a(159)}^`)).toMatchObject({ units: 161, segments: 2 });
  });
});

describe('countSms in UCS-2', () => {
  it('fits 70 units in one segment and splits the 71st into parts of 67', () => {
    const ya = (n: number) => 'я'.repeat(n);
    expect(countSms(ya(70))).toEqual({ encoding: 'UCS-2', units: 70, segments: 1, perSegment: 70, remaining: 0 });
    expect(countSms(ya(71))).toEqual({ encoding: 'UCS-2', units: 71, segments: 2, perSegment: 67, remaining: 63 });
    expect(countSms(ya(67 * 2))).toMatchObject({ segments: 2, remaining: 0 });
    expect(countSms(ya(67 * 2 + 1))).toMatchObject({ segments: 3, remaining: 66 });
  });

  it('switches the whole text to UCS-2 for one emoji, which counts as two units', () => {
    expect(countSms(a(100)).segments).toBe(1);
    expect(countSms(`${a(100)}🚨`)).toEqual({ encoding: 'UCS-2', units: 102, segments: 2, perSegment: 67, remaining: 32 });
    expect(countSms('🚨')).toMatchObject({ encoding: 'UCS-2', units: 2, segments: 1 });
    expect(countSms(`${a(68)}🚨`)).toMatchObject({ units: 70, segments: 1 });
    expect(countSms(`${a(69)}🚨`)).toMatchObject({ units: 71, segments: 2 });
  });

  it('counts extension characters once in UCS-2', () => {
    expect(countSms('€{}✅')).toMatchObject({ encoding: 'UCS-2', units: 4 });
  });

  it('switches for characters near the alphabet that are not in it', () => {
    for (const ch of ['á', 'ç', 'ê', '’', '“', '\t', '…', '\u001b']) expect(countSms(`ok ${ch}`).encoding).toBe('UCS-2');
    for (const ch of ['à', 'é', 'Ç', 'ß', 'Ø']) expect(countSms(`ok ${ch}`).encoding).toBe('GSM-7');
  });
});
