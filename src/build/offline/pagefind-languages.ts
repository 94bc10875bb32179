/** Which of Pagefind's search engines (one wasm build per language) the index uses. */

/**
 * The wasm builds Pagefind loads: `languages.<code>.wasm` of pagefind-entry.json. Throws naming the
 * file and what was found when the entry is not what Pagefind writes.
 */
export function pagefindWasmLanguages(entryJson: string, file = 'pagefind/pagefind-entry.json'): string[] {
  let entry: unknown;
  try {
    entry = JSON.parse(entryJson);
  } catch (error) {
    throw new Error(`${file}: not JSON (${(error as Error).message}); expected Pagefind's entry file.`);
  }
  const languages = (entry as { languages?: unknown } | null)?.languages;
  if (!languages || typeof languages !== 'object' || Array.isArray(languages)) {
    throw new Error(`${file}: field "languages" is ${JSON.stringify(languages)}; expected an object keyed by language code.`);
  }
  const wasm = Object.entries(languages).map(([code, language]) => {
    const name = (language as { wasm?: unknown } | null)?.wasm;
    if (typeof name !== 'string' || !/^[\w-]+$/.test(name)) {
      throw new Error(`${file}: field "languages.${code}.wasm" is ${JSON.stringify(name)}; expected a language code such as "en".`);
    }
    return name;
  });
  return [...new Set(wasm)].sort();
}
