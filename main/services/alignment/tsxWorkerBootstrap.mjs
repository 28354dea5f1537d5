// Starts a TypeScript worker from the source tree (loopback host, tests): tsx's loader flags do not reach worker
// threads, so the worker registers tsx itself, then loads its real entry (workerData.entry, a file: URL).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
