import { deflateRawSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  CHAT_LINK_LIMIT,
  decodeHandoff,
  encodeHandoff,
  fitsInChat,
  HANDOFF_MAX_BYTES,
  HandoffError,
  handoffUrl,
  readHandoffFragment,
} from '../../src/lib/handoff-codec';

const at = (hhmm: string) => `2026-11-24T${hhmm}:00.000Z`;
/** Bytes as the encoder writes them, for payloads the encoder would never make. */
const base64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

/** An incident as the store keeps it, after an hour and a half of a busy SEV-1. */
function realisticIncident() {
  const tick = (id: string, hhmm: string, label: string, checklist: string) => [
    id,
    { at: at(hhmm), by: 'Ana Pereira', label, page: 'agency-platform/respond-now', pageTitle: 'Respond now', checklist, heading: checklist.split('#')[1] },
  ];
  const notes = [
    'Checkout returns 502 for about 30% of requests since the 08:55 deploy',
    'Rolled back deploy 4812; error rate falling',
    'TODO: add an alert on the 502 rate of the checkout service',
    'Payment provider confirms no incident on their side',
    'Error rate back under 0.1%, watching for 15 minutes',
    'TODO: write the post-mortem and book the review',
  ];
  return {
    id: 'INC-2026-11-24-001',
    title: 'Checkout returns 502 after deploy',
    startedAt: at('09:00'),
    handbook: 'agency-platform',
    severity: 'SEV-1',
    classification: {
      at: at('09:14'),
      handbook: 'agency-platform',
      answers: { questions: { 'service-accessible': 'No', 'data-at-risk': 'No', 'revenue-impacted': 'Yes', 'users-affected': 'Many' }, readings: {} },
      level: 'SEV-1',
      reasons: ['Service accessible?: No', 'Revenue impacted?: Yes', 'Users affected?: Many'],
    },
    checklists: {
      'agency-platform/respond-now#triage': { page: 'agency-platform/respond-now', pageTitle: 'Respond now', heading: 'Triage', total: 6 },
      'agency-platform/respond-now#communicate': { page: 'agency-platform/respond-now', pageTitle: 'Respond now', heading: 'Communicate', total: 4 },
    },
    ticks: Object.fromEntries([
      tick('a1', '09:02', 'Acknowledge the page in PagerDuty', 'agency-platform/respond-now#triage'),
      tick('a2', '09:05', 'Assess severity with the classifier', 'agency-platform/respond-now#triage'),
      tick('a3', '09:08', 'Open the incident channel', 'agency-platform/respond-now#triage'),
      tick('a4', '09:10', 'Name the incident commander', 'agency-platform/respond-now#triage'),
      tick('b1', '09:15', 'Post the declaration in #incidents', 'agency-platform/respond-now#communicate'),
      tick('b2', '09:30', 'Update the status page', 'agency-platform/respond-now#communicate'),
    ]),
    timeline: [
      { id: 'e1', at: at('09:00'), kind: 'started', by: 'Ana Pereira', declaredAt: at('09:07') },
      { id: 'e2', at: at('09:07'), kind: 'severity', by: 'Ana Pereira', to: 'SEV-1', reasons: ['Service accessible?: No', 'Revenue impacted?: Yes', 'Users affected?: Many'] },
      ...notes.map((text, i) => ({ id: `n${i}`, at: at(`09:${String(10 + i * 12).padStart(2, '0')}`), kind: 'note', by: 'Ana Pereira', text })),
      { id: 'e3', at: at('09:09'), kind: 'escalated', by: 'Ana Pereira', to: 'Escalation contacts' },
      { id: 'e4', at: at('09:31'), kind: 'escalated', by: 'Ana Pereira', to: 'Tech Lead', note: 'Dana joined the bridge' },
      { id: 'e5', at: at('09:30'), kind: 'message-sent', by: 'Ana Pereira', title: 'Status update' },
      {
        id: 'e6', at: at('10:00'), kind: 'message-sent', by: 'Ana Pereira', title: 'Internal update', template: 'internal-update', channel: 'Slack #incidents', audience: 'Internal',
        text: 'SEV-1 Checkout: rolled back deploy 4812 at 09:22 UTC. Error rate back under 0.1%. Next update 10:30 UTC. Commander: Ana Pereira. Bridge: https://meet.example/inc-001',
      },
    ],
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('encodeHandoff / decodeHandoff', () => {
  it('round-trips a realistic incident into a link of measured size', async () => {
    const incident = realisticIncident();
    const encoded = await encodeHandoff(incident);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/); // base64url, no padding
    expect(await decodeHandoff(encoded)).toEqual(incident);
    const json = JSON.stringify(incident).length;
    const url = handoffUrl('https://handbook.example', encoded);
    // Measured: 4,039 characters of JSON -> 1,410 encoded -> a 1,454-character link, which fits in chat.
    console.info(`handoff: ${json} characters of JSON -> ${encoded.length} encoded -> ${url.length}-character link`);
    expect(encoded.length).toBeLessThan(json * 0.5);
    expect(fitsInChat(url)).toBe(true);
    expect(url.length).toBe('https://handbook.example/incidents/#handoff='.length + encoded.length);
  });

  it('round-trips unicode and emoji exactly, lone surrogates and line separators included', async () => {
    const value = { title: 'Zahlungsausfall – café ☕ 🔥 日本語 עברית', note: 'a\u2028b\u0000c\ud83d', flags: ['🇬🇧', '👩🏽‍💻'], n: -0.5, nested: [null, true, {}] };
    expect(await decodeHandoff(await encodeHandoff(value))).toEqual(value);
  });

  it('a small incident fits in a chat message', async () => {
    const url = handoffUrl('https://handbook.example', await encodeHandoff({ id: 'INC-2026-11-24-002', title: 'Slow search', startedAt: at('09:00'), ticks: {}, timeline: [] }));
    expect(fitsInChat(url)).toBe(true);
    expect(url.length).toBeLessThan(250);
  });

  it('a long incident does not fit in chat (the page offers a file instead)', async () => {
    // Forty notes of varied words: text compresses less than the repeated keys of a small incident.
    const words = ['database', 'replica', 'lag', 'rolled', 'back', 'checkout', 'payments', 'error', 'rate', 'queue', 'restarted', 'pod', 'node', 'memory', 'customer', 'ticket', 'vendor', 'bridge', 'status', 'page'];
    let seed = 7;
    const word = () => words[(seed = (seed * 1103515245 + 12345) % 2147483648) % words.length];
    const incident = realisticIncident();
    for (let i = 0; i < 40; i += 1) {
      incident.timeline.push({ id: `x${i}`, at: at('10:10'), kind: 'note', by: 'Bo', text: Array.from({ length: 14 }, word).join(' ') });
    }
    const url = handoffUrl('https://handbook.example', await encodeHandoff(incident));
    expect(fitsInChat(url)).toBe(false);
    expect(await decodeHandoff(readHandoffFragment(new URL(url).hash)!)).toEqual(incident);
  });

  it('refuses a value JSON cannot write', async () => {
    await expect(encodeHandoff(undefined)).rejects.toThrow('could not be written as JSON');
  });

  it('accepts the text with surrounding white space (as pasted)', async () => {
    expect(await decodeHandoff(`  ${await encodeHandoff({ a: 1 })}\n`)).toEqual({ a: 1 });
  });
});

describe('decodeHandoff refuses what is not a handoff, in plain words', () => {
  it('an empty text', async () => {
    await expect(decodeHandoff('  ')).rejects.toThrow('This handoff link is empty');
  });

  it.each([['a character base64url never has', 'abc+def/'], ['padding', 'abcd=='], ['a space inside', 'ab cd'], ['a length no bytes give', 'abcde']])('bad base64: %s', async (_, text) => {
    const error = await decodeHandoff(text).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HandoffError);
    expect((error as Error).message).toMatch(/^This handoff link is damaged: it contains characters a handoff link never has, or it was cut short/);
  });

  it('a corrupted text (characters changed in the middle)', async () => {
    const encoded = await encodeHandoff(realisticIncident());
    for (const position of [10, Math.floor(encoded.length / 2), encoded.length - 12]) {
      const swapped = encoded[position] === 'A' ? 'Q' : 'A';
      const corrupted = encoded.slice(0, position) + swapped + encoded.slice(position + 1);
      const error = await decodeHandoff(corrupted).catch((e: unknown) => e);
      expect(error, `changed at ${position}`).toBeInstanceOf(HandoffError);
      expect((error as Error).message).toMatch(/^This handoff link (is damaged|does not hold)/);
    }
  });

  it('a truncated text (a link cut by a chat tool)', async () => {
    const encoded = await encodeHandoff(realisticIncident());
    for (const length of [encoded.length - 1, encoded.length - 4, Math.floor(encoded.length / 2), 8]) {
      await expect(decodeHandoff(encoded.slice(0, length)), `cut to ${length}`).rejects.toThrow(/^This handoff link is damaged/);
    }
  });

  it('data that is not compressed', async () => {
    await expect(decodeHandoff(base64url(new TextEncoder().encode('{"plain":"json"}')))).rejects.toThrow('its data does not unpack');
  });

  it('a payload that is not JSON', async () => {
    await expect(decodeHandoff(base64url(deflateRawSync('<html>not an incident</html>')))).rejects.toThrow(
      'This handoff link does not hold an incident (its data is not JSON): it is not a handoff link from this site.',
    );
  });

  it('a payload that is not UTF-8 text', async () => {
    await expect(decodeHandoff(base64url(deflateRawSync(Buffer.from([0xff, 0xfe, 0x00, 0x80]))))).rejects.toThrow('does not hold text');
  });

  it('more than maxBytes once decompressed; exactly maxBytes is fine', async () => {
    const json = JSON.stringify({ text: 'x'.repeat(1000) });
    const encoded = await encodeHandoff(JSON.parse(json));
    expect(await decodeHandoff(encoded, { maxBytes: json.length })).toEqual(JSON.parse(json));
    await expect(decodeHandoff(encoded, { maxBytes: json.length - 1 })).rejects.toThrow('holds more than 1 kB of data');
  });

  it('a text far longer than the cap allows, before decoding it', async () => {
    const decompress = vi.fn();
    vi.stubGlobal('DecompressionStream', decompress);
    await expect(decodeHandoff('A'.repeat(3000), { maxBytes: 1000 })).rejects.toThrow('too long (3000 characters)');
    expect(decompress).not.toHaveBeenCalled();
  });

  it('a zip bomb (50 MB of zeros) without decompressing it all', async () => {
    const bomb = deflateRawSync(new Uint8Array(50 * 1024 * 1024), { level: 9 });
    const encoded = base64url(bomb);
    expect(encoded.length).toBeLessThan(100_000); // it fits in a URL fragment

    // Count what leaves the real decompressor: a decoder that unpacked everything, then checked the
    // size, would count 50 MB here. And the largest piece fed to it: a browser decompresses each
    // piece whole (Node's zlib pauses mid-piece, browsers' DecompressionStream does not), so pieces
    // must stay small for the cap to bite in time there too.
    const Real = globalThis.DecompressionStream;
    let produced = 0;
    let largestInput = 0;
    vi.stubGlobal(
      'DecompressionStream',
      class {
        readonly writable: WritableStream<BufferSource>;
        readonly readable: ReadableStream<Uint8Array>;
        constructor(format: CompressionFormat) {
          const inner = new Real(format);
          const input = new TransformStream<BufferSource, BufferSource>({
            transform(chunk, controller) {
              largestInput = Math.max(largestInput, chunk.byteLength);
              controller.enqueue(chunk);
            },
          });
          input.readable.pipeTo(inner.writable).catch(() => {});
          this.writable = input.writable;
          this.readable = inner.readable.pipeThrough(
            new TransformStream<Uint8Array, Uint8Array>({
              transform(chunk, controller) {
                produced += chunk.byteLength;
                controller.enqueue(chunk);
              },
            }),
          );
        }
      },
    );
    const error = await decodeHandoff(encoded).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HandoffError);
    expect((error as Error).message).toBe(`This handoff link holds more than ${HANDOFF_MAX_BYTES / 1024} kB of data, far more than an incident: it was not opened.`);
    expect(produced).toBeGreaterThan(HANDOFF_MAX_BYTES);
    expect(produced).toBeLessThan(HANDOFF_MAX_BYTES + 512 * 1024);
    expect(largestInput).toBeGreaterThan(0);
    expect(largestInput).toBeLessThanOrEqual(1024);
  });
});

describe('handoff links', () => {
  it('puts the incident in the fragment of the incidents page', () => {
    expect(handoffUrl('https://handbook.example', 'abc_-1')).toBe('https://handbook.example/incidents/#handoff=abc_-1');
    expect(handoffUrl('https://handbook.example/', 'abc')).toBe('https://handbook.example/incidents/#handoff=abc');
    expect(handoffUrl('https://example.org/handbook//', 'abc')).toBe('https://example.org/handbook/incidents/#handoff=abc');
  });

  it.each([
    ['#handoff=abc_-1', 'abc_-1'],
    ['handoff=abc', 'abc'],
    ['#x=1&handoff=abc', 'abc'],
    ['#handoff=', undefined],
    ['#', undefined],
    ['', undefined],
    ['#section-heading', undefined],
  ])('readHandoffFragment(%j) -> %j', (hash, expected) => {
    expect(readHandoffFragment(hash)).toBe(expected);
  });

  it('survives a trip through a real URL', async () => {
    const incident = realisticIncident();
    const url = new URL(handoffUrl('https://handbook.example', await encodeHandoff(incident)));
    expect(url.pathname).toBe('/incidents/');
    expect(await decodeHandoff(readHandoffFragment(url.hash)!)).toEqual(incident);
  });

  it('fitsInChat: up to CHAT_LINK_LIMIT characters', () => {
    expect(CHAT_LINK_LIMIT).toBe(2000);
    expect(fitsInChat('x'.repeat(CHAT_LINK_LIMIT))).toBe(true);
    expect(fitsInChat('x'.repeat(CHAT_LINK_LIMIT + 1))).toBe(false);
  });
});
