// `npm run security`: runs Electronegativity over the Electron code (sources and the build) and fails on any HIGH or
// MEDIUM finding. Electronegativity itself exits 0 whatever it finds, so this reads its CSV report.
// Findings its authors mark for manual review are accepted only when listed, with the reason, in
// security/electronegativity-reviewed.json and still matching the code exactly.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const cli = join(
  require.resolve('@doyensec/electronegativity/package.json'),
  '..',
  'dist',
  'index.js',
);
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
const inputs = [scanRoot];

/** Parses one CSV line with quoted fields ("" escapes a quote). */
function parseCsvLine(line) {
  const fields = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      fields.push(field.trim());
      field = '';
    } else field += char;
  }
  fields.push(field.trim());
  return fields;
}

const findings = [];
const workDirectory = mkdtempSync(join(tmpdir(), 'taiyaku-electronegativity-'));
try {
  for (const input of inputs) {
    const report = join(workDirectory, 'report.csv');
    const run = spawnSync(
      process.execPath,
      [
        cli,
        '-i',
        '.',
        '-o',
        report,
        '-r',
        '-v',
        'false',
        '-e',
        require('electron/package.json').version,
      ],
      {
        cwd: input,
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    if (run.error || run.status !== 0 || !existsSync(report)) {
      console.error(`electronegativity failed on ${input}: ${run.error?.message ?? run.stderr}`);
      process.exit(1);
    }
    const [, ...lines] = readFileSync(report, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '');
    for (const line of lines) {
      const [check, severity, confidence, file, location, sample] = parseCsvLine(line);
      // Reports name files relative to the scanned input; name them from the repository root.
      const path = file;
      findings.push({ check, severity, confidence, file: path, location, sample });
    }
  }
} finally {
  rmSync(workDirectory, { recursive: true, force: true });
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
