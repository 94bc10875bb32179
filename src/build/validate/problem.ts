/** One mistake in one content file, as the validator reports it. */
export interface Problem {
  /** The file, relative to the project: "content/scales/agency-platform.yaml". */
  file: string;
  /** Where in the file: the field path (["levels", 1, "id"]); empty for the file as a whole. */
  path: readonly PropertyKey[];
  /** What is wrong: what was found and what was expected, with a suggestion when there is one. */
  message: string;
  /** The line in the file, when known. */
  line?: number;
  /** Said once under the file's errors (e.g. what was not checked because of them). */
  note?: string;
}
