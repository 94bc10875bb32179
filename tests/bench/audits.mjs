/**
 * The bench's Lighthouse runs: each measured page of our build and the same page of plain Starlight,
 * mobile and desktop (quick mode: our pages, mobile only), each build served by its own static server.
 * The active-incident page is audited with a profile that holds an incident (started through the UI)
 * and keeps its storage; everything else with Lighthouse's usual storage reset.
 */
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { audit, incidentProfile, withChrome } from './lighthouse.mjs';
import { serve } from './serve.mjs';

// The incident bar's module: when the incident is active, the page loads it (see weight.mjs).
const INCIDENT_BAR = /\/incident-bar\.[^/]*\.js$/;

/**
 * pages: [{ key, url, incident? }]; returns { formFactors, sites, results: [{ page, site, formFactor,
 * scores, cls, lost, ... }], errors: [text] }. An audit that fails is tried once more, then reported.
 */
export async function runAudits({ ours, plain, pages, quick, tmp, log }) {
  const formFactors = quick ? ['mobile'] : ['mobile', 'desktop'];
  const sites = quick ? ['ours'] : ['ours', 'plain'];
  const servers = {};
  const results = [];
  const errors = [];
  const once = async (port, site, page, formFactor, { keepStorage = false } = {}) => {
    const url = `${servers[site].baseUrl}${page.url}`;
    for (let attempt = 1; attempt <= 2; attempt++) {
      const started = Date.now();
      try {
        const result = await audit(port, url, { desktop: formFactor === 'desktop', keepStorage });
        if (page.incident && !result.requests.some((u) => INCIDENT_BAR.test(u))) {
          throw new Error('the page loaded no incident bar: the incident in the profile was not active during the audit');
        }
        delete result.requests;
        const s = result.scores;
        log(`  lighthouse ${site} ${page.key} ${formFactor}: ${s.performance}/${s.accessibility}/${s['best-practices']}/${s.seo}, CLS ${result.cls?.toFixed(3)} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
        results.push({ page: page.key, site, ...result });
        return;
      } catch (error) {
        if (attempt === 2) errors.push(`${site} ${page.url} ${formFactor}: ${error.message}`);
        else log(`  lighthouse ${site} ${page.key} ${formFactor} failed (${error.message.split('\n')[0]}); once more`);
      }
    }
  };
  try {
    servers.ours = await serve(ours);
    if (sites.includes('plain')) servers.plain = await serve(plain);
    log(`Lighthouse: ${sites.join(' and ')} on ${formFactors.join(' and ')}...`);
    await withChrome(async (port) => {
      for (const page of pages.filter((p) => !p.incident)) {
        for (const formFactor of formFactors) for (const site of sites) await once(port, site, page, formFactor);
      }
    });
    const incidentPages = pages.filter((p) => p.incident);
    if (incidentPages.length) {
      const profile = join(tmp, 'incident-profile');
      await incidentProfile(profile, servers.ours.baseUrl, incidentPages[0].url);
      let copies = 0;
      for (const page of incidentPages) {
        for (const formFactor of formFactors) {
          // A fresh copy per audit: what one audit caches must not speed up the next.
          const dir = `${profile}-${++copies}`;
          cpSync(profile, dir, { recursive: true });
          await withChrome((port) => once(port, 'ours', page, formFactor, { keepStorage: true }), { userDataDir: dir });
        }
      }
    }
  } finally {
    for (const server of Object.values(servers)) await server.close();
  }
  return { formFactors, sites, results, errors };
}
