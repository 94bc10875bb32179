/**
 * The one line of state code that runs before first paint, inline in every page's header: if an
 * incident is active, mark <html data-incident="active"> so the page reserves the incident bar's
 * space from the start (the bar itself arrives with the page script: a fixed bar appearing in space
 * that was already there moves nothing). Plain ES5-safe text, no imports: it is written into the HTML.
 * It only reads; anything odd (no storage, bad JSON) leaves the page as it is, and the page script's
 * store (with its validation and failure policy) takes over a moment later.
 */
import { PRACTICE_ID, STATE_KEY } from './persistence/keys';

export const INCIDENT_BOOT_SCRIPT =
  `try{var s=JSON.parse(localStorage.getItem(${JSON.stringify(STATE_KEY)})||'null'),` +
  `a=s&&s.activeIncident,i=a&&a!==${JSON.stringify(PRACTICE_ID)}&&s.incidents&&s.incidents[a];` +
  `if(i&&!i.closedAt)document.documentElement.setAttribute('data-incident','active')}catch(e){}`;
