/** The handbooks' data for the incident tools (/handbooks.json), fetched once per page when needed. */
import { SITE_DATA_PATH, type SiteData } from '../../lib/handbook-data';

let pending: Promise<SiteData> | undefined;

export function loadSiteData(): Promise<SiteData> {
  pending ??= fetch(SITE_DATA_PATH)
    .then((response) => {
      if (!response.ok) throw new Error(`${SITE_DATA_PATH} answered ${response.status}`);
      return response.json() as Promise<SiteData>;
    })
    .catch((error) => {
      pending = undefined; // a later try may succeed (the network came back)
      throw error;
    });
  return pending;
}
