/**
 * Expressive Code plugin for team settings in code blocks: `{team.bridge}` in any block becomes the
 * build's value (content/team.yaml) or its marker (`[Bridge link]`), inside a
 * `<var class="team-slot" data-setting="team.bridge">` that the page script fills with the reader's
 * own value (src/components/browser/team-values.ts), copy buttons included. Listed before the
 * commands plugin in ec.config.mjs, so commands are split, judged and copied with the text as shown.
 * An undeclared key fails the build with a "did you mean" (keys: content/placeholders.yaml).
 */
import {
  AttachedPluginData,
  ExpressiveCodeAnnotation,
  definePlugin,
  type AnnotationRenderOptions,
  type ExpressiveCodePlugin,
} from '@astrojs/starlight/expressive-code';
import { h } from '@astrojs/starlight/expressive-code/hast';
import { markerOf, TEAM_USE, unknownTeamKey } from '../../lib/team-settings.ts';
import { teamContent } from '../../build/team.ts';

interface Slot { line: number; start: number; end: number; key: string; filled: boolean }

const slotsOf = new AttachedPluginData<Slot[]>(() => []);

class TeamSlotAnnotation extends ExpressiveCodeAnnotation {
  name = 'Team setting';
  slot: Slot;
  constructor(slot: Slot) {
    super({ inlineRange: { columnStart: slot.start, columnEnd: slot.end } });
    this.slot = slot;
  }
  render({ nodesToTransform }: AnnotationRenderOptions) {
    const { key, filled } = this.slot;
    // An unfilled slot is marked like any placeholder; once filled (build or browser) it reads as code.
    return nodesToTransform.map((node) => h('var', { className: filled ? ['team-slot'] : ['team-slot', 'is-placeholder'], dataSetting: key }, [node]));
  }
}

export function pluginTeamPlaceholders(): ExpressiveCodePlugin {
  return definePlugin({
    name: 'Team settings',
    hooks: {
      preprocessCode: ({ codeBlock }) => {
        if (!codeBlock.code.includes('{team.')) return;
        const { labels, values } = teamContent();
        const slots = slotsOf.getOrCreateFor(codeBlock);
        codeBlock.getLines().forEach((line, index) => {
          // Right to left, so the columns of the slots still to do do not move.
          const matches = [...line.text.matchAll(TEAM_USE)].reverse();
          const found: Slot[] = [];
          for (const match of matches) {
            const key = match[1];
            const label = labels.get(key);
            if (label === undefined) {
              const file = codeBlock.parentDocument?.sourceFilePath;
              throw new Error(`Code block${file ? ` in ${file}` : ''}, line "${line.text.trim().slice(0, 60)}": ${unknownTeamKey(key, labels)}`);
            }
            const text = values[key] ?? markerOf(label);
            line.editText(match.index, match.index + match[0].length, text);
            // Later slots on the line shift by the difference.
            const shift = text.length - match[0].length;
            for (const slot of found) { slot.start += shift; slot.end += shift; }
            found.push({ line: index, start: match.index, end: match.index + text.length, key, filled: values[key] !== undefined });
          }
          slots.push(...found);
        });
      },
      annotateCode: ({ codeBlock }) => {
        for (const slot of slotsOf.getOrCreateFor(codeBlock)) {
          codeBlock.getLine(slot.line)?.addAnnotation(new TeamSlotAnnotation(slot));
        }
      },
    },
  });
}
