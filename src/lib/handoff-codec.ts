/**
 * The handoff link: one incident carried in the URL fragment (`#handoff=...`), so the next on-call
 * opens it without a server; browsers never send the fragment to the host. JSON, deflated with the
 * platform's CompressionStream (no library in the page bundle), in base64url. Decoding treats the
 * text as hostile: it came from a link anyone could have made, so every failure is a plain-words
 * Error and the decompressed size is capped while reading (a zip bomb stops at the cap).
 * Validating the decoded value as an incident is the caller's job (the state module's import).
 */

/** The most decompressed bytes `decodeHandoff` accepts by default: far above any incident's JSON
 * (a busy one is tens of kilobytes), far below what would trouble a phone. */
export const HANDOFF_MAX_BYTES = 2 * 1024 * 1024;

/**
 * Links longer than this are offered as a file instead. 2,000 characters is the ceiling that works
 * everywhere a responder pastes a link: Discord refuses messages over 2,000 characters, URLs over
 * 2,083 broke in Internet Explorer and still break in some proxies, mail clients and link
 * previewers, and "keep URLs under 2,000 characters" remains the common interoperability rule.
 * (An SMS is tighter still: about 1,600 characters when split over ten parts.) Slack and Teams take
 * longer messages, but a link that only works in some tools is a bad handoff.
 */
export const CHAT_LINK_LIMIT = 2000;

const FRAGMENT_KEY = 'handoff';

/** Why a handoff text was refused, in words for the reader (the message is meant to be shown). */
export class HandoffError extends Error {
  override name = 'HandoffError';
}

/** Compressed bytes fed to the decompressor per step: deflate expands at most about 1,032 to 1, so
 * one step yields at most about a megabyte even where a browser decompresses a whole chunk at once. */
const INPUT_SLICE = 1024;

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  // String.fromCharCode takes arguments: in slices, to stay under the engine's argument limit.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  // base64url, unpadded. A length of 4n+1 cannot come from whole bytes: the link was cut.
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) {
    throw new HandoffError('This handoff link is damaged: it contains characters a handoff link never has, or it was cut short. Ask for the link again, or for the file.');
  }
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** A stream of `bytes` in small slices, produced only as the reader asks (so reading stops early). */
function sliced(bytes: Uint8Array): ReadableStream<Uint8Array<ArrayBuffer>> {
  let offset = 0;
  return new ReadableStream<Uint8Array<ArrayBuffer>>(
    {
      pull(controller) {
        if (offset >= bytes.length) return controller.close();
        controller.enqueue(bytes.slice(offset, offset + INPUT_SLICE));
        offset += INPUT_SLICE;
      },
    },
    { highWaterMark: 0 },
  );
}

async function collect(stream: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      // Stop the decompressor: the rest of a zip bomb is never produced.
      await reader.cancel().catch(() => {});
      throw new HandoffError(`This handoff link holds more than ${Math.round(maxBytes / 1024)} kB of data, far more than an incident: it was not opened.`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/** JSON -> UTF-8 -> deflate-raw -> base64url (no padding). Rejects a value JSON cannot write. */
export async function encodeHandoff(value: unknown): Promise<string> {
  const json = JSON.stringify(value);
  if (json === undefined) throw new Error('Nothing to share: the incident could not be written as JSON.');
  const compressed = new Blob([new TextEncoder().encode(json)]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return toBase64Url(await collect(compressed, Number.POSITIVE_INFINITY));
}

/**
 * The value a handoff text carries. Rejects with a plain-words HandoffError for text that is not base64url,
 * data that does not decompress (corrupted or cut short), more than `maxBytes` once decompressed
 * (default 2 MB; reading stops there), or bytes that are not UTF-8 JSON.
 */
export async function decodeHandoff(text: string, options: { maxBytes?: number } = {}): Promise<unknown> {
  const maxBytes = options.maxBytes ?? HANDOFF_MAX_BYTES;
  const trimmed = text.trim();
  if (!trimmed) throw new HandoffError('This handoff link is empty: it carries no incident.');
  // Compressed data is smaller than what it decompresses to (or, incompressible, barely larger):
  // an encoded text far beyond the cap is refused before anything is decoded.
  if (trimmed.length > Math.ceil((maxBytes * 4) / 3) + 1024) {
    throw new HandoffError(`This handoff link is too long (${trimmed.length} characters) to carry one incident: it was not opened.`);
  }
  const bytes = fromBase64Url(trimmed);
  let inflated: Uint8Array;
  try {
    inflated = await collect(sliced(bytes).pipeThrough(new DecompressionStream('deflate-raw')), maxBytes);
  } catch (error) {
    if (error instanceof HandoffError) throw error;
    throw new HandoffError('This handoff link is damaged: its data does not unpack (it may have been cut short or changed when it was copied). Ask for the link again, or for the file.');
  }
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(inflated);
  } catch {
    throw new HandoffError('This handoff link does not hold text: it is not a handoff link from this site.');
  }
  try {
    return JSON.parse(json);
  } catch {
    throw new HandoffError('This handoff link does not hold an incident (its data is not JSON): it is not a handoff link from this site.');
  }
}

/** The link to open on the next on-call's device: `${origin}/incidents/#handoff=<encoded>`. A trailing
 * slash on `origin` (or a base path such as "https://example.org/handbook/") is allowed. */
export function handoffUrl(origin: string, encoded: string): string {
  return `${origin.replace(/\/+$/, '')}/incidents/#${FRAGMENT_KEY}=${encoded}`;
}

/** The encoded incident in a location hash ("#handoff=..."), or undefined when there is none. */
export function readHandoffFragment(hash: string): string | undefined {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  // base64url has no character URLSearchParams would alter ('+' would have become a space).
  const value = params.get(FRAGMENT_KEY)?.trim();
  return value ? value : undefined;
}

/** Whether a link is short enough to paste into chat (see CHAT_LINK_LIMIT). */
export function fitsInChat(url: string): boolean {
  return url.length <= CHAT_LINK_LIMIT;
}
