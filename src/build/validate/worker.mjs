/**
 * Validates all content on a worker thread (see ./integration.ts): the build goes on starting up
 * while this reads and checks every file. Plain Node with type stripping, as `npm run validate`.
 */
import './node-resolve.mjs';
import { parentPort, workerData } from 'node:worker_threads';

const { validateContent } = await import('./index.ts');
parentPort.postMessage(validateContent(workerData));
