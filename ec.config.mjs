// @ts-check
/**
 * Expressive Code options (Starlight's code blocks). They live here rather than in astro.config.mjs
 * because the plugin below is not JSON-serialisable, and Starlight's <Code> component (used by
 * MessageTemplate.astro) reads its options from this file.
 */
import { defineEcConfig } from '@astrojs/starlight/expressive-code';
import { pluginCommands } from './src/plugins/expressive-code/index.ts';
import { pluginTeamPlaceholders } from './src/plugins/expressive-code/team-placeholders.ts';

export default defineEcConfig({
  // Code blocks: a copy button per command, commands that change a system marked, API paths with a host placeholder.
  // Team settings first: `{team.bridge}` becomes its value or marker before commands are split and judged.
  plugins: [pluginTeamPlaceholders(), pluginCommands()],
});
