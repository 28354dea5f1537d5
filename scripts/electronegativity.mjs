// `npm run security`: runs Electronegativity over the Electron code (main, preload, the page) and fails on any HIGH or
// MEDIUM finding. Electronegativity itself exits 0 whatever it finds, so this reads its findings.
// Findings its authors mark for manual review are accepted only when listed, with the reason, in
// security/electronegativity-reviewed.json and still matching the code exactly.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const runElectronegativity = require('@doyensec/electronegativity/dist/runner.js');
// --root DIR scans another tree (the gate's own test uses it); the reviewed list is always this repository's.
const rootArgument = process.argv.indexOf('--root');
const root = rootArgument > 0 ? process.argv[rootArgument + 1] : '.';
const reviewedFile = new URL('../security/electronegativity-reviewed.json', import.meta.url);
const reviewed = JSON.parse(readFileSync(reviewedFile, 'utf8')).reviewed;
// The app's Electron-facing code: window, security and IPC (main/), the preload, and the page. Copied into one tree
// and scanned once: the global checks (CSP, navigation limits, permission handler) need all three together. Tests,
// scripts and the bundled build (generated from these sources) are left out: their findings would be about test code
// or duplicates.
const SCANNED = ['main', 'preload', 'renderer/index.html', 'renderer/src'];
const scanRoot = mkdtempSync(join(tmpdir(), 'taiyaku-electronegativity-tree-'));
for (const path of SCANNED) {
  if (existsSync(join(root, path)))
    cpSync(join(root, path), join(scanRoot, path), { recursive: true });
}

const findings = [];
try {
  // The programmatic API, not the command line: the command line writes its CSV report with overlapping asynchronous
  // writes, which now and then garble a line.
  const { issues, errors } = await runElectronegativity({
    input: scanRoot,
    isRelative: true,
    electronVersionOverride: require('electron/package.json').version,
  });
  for (const error of errors)
    console.warn(`electronegativity could not read ${error.file}: ${error.message ?? error}`);
  for (const issue of issues) {
    findings.push({
      check: issue.id,
      severity: issue.severity.name,
      confidence: issue.confidence.name,
      file: issue.file,
      location: `${issue.location.line}:${issue.location.column}`,
      sample: issue.sample ?? 'N/A',
    });
  }
} finally {
  rmSync(scanRoot, { recursive: true, force: true });
}

const used = new Set();
let failures = 0;
for (const finding of findings) {
  const serious = finding.severity === 'HIGH' || finding.severity === 'MEDIUM';
  const entry = reviewed.findIndex(
    (r) => r.check === finding.check && r.file === finding.file && r.sample === finding.sample,
  );
  const verdict = !serious ? 'ok (low)' : entry >= 0 ? 'reviewed' : 'FAIL';
  if (entry >= 0) used.add(entry);
  if (verdict === 'FAIL') failures++;
  console.log(
    `${verdict.padEnd(9)} ${finding.severity.padEnd(6)} ${finding.check} ${finding.file}:${finding.location}  ${finding.sample}`,
  );
}
const stale = reviewed.filter((_, index) => !used.has(index));
for (const entry of stale)
  console.log(
    `STALE     reviewed entry no longer matches any finding: ${entry.check} ${entry.file}  ${entry.sample}`,
  );
console.log(
  `electronegativity: ${findings.length} findings over ${SCANNED.join(', ')} of ${root}; ${failures} HIGH/MEDIUM unreviewed, ${stale.length} stale reviews`,
);
process.exit(failures > 0 || stale.length > 0 ? 1 : 0);
