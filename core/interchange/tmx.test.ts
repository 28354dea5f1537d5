import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReportModel } from '../report/reportModel';
import { testReportOptions, testSession } from '../report/testProject';
import { readTmx, renderTmx, tmxDate } from './tmx';
import { InterchangeFormatError } from './xml';

const XMLLINT = '/usr/bin/xmllint';
// The team's shared folder sits beside the repository (TAIYAKU_SHARED overrides it).
const DTD = join(
  process.env['TAIYAKU_SHARED'] ?? join(import.meta.dirname, '..', '..', '..', 'shared'),
  'schemas',
  'tmx14.dtd',
);
const canValidate = existsSync(XMLLINT) && existsSync(DTD);

const model = buildReportModel(testSession, { ...testReportOptions, rows: 'flagged' });

function validate(xml: string): { ok: boolean; output: string } {
  const directory = mkdtempSync(join(tmpdir(), 'taiyaku-tmx-'));
  try {
    const file = join(directory, 'r.tmx');
    writeFileSync(file, xml);
    try {
      const output = execFileSync(XMLLINT, ['--noout', '--dtdvalid', DTD, file], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      return { ok: true, output };
    } catch (error) {
      const failure = error as { stderr?: string; stdout?: string };
      return { ok: false, output: `${failure.stdout ?? ''}${failure.stderr ?? ''}` };
    }
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

describe('renderTmx', () => {
  it('writes the header TMX tools expect', () => {
    const tmx = renderTmx(model);
    expect(tmx).toContain(
      '<header creationtool="Taiyaku" creationtoolversion="0.1.0" datatype="plaintext" segtype="sentence" ' +
        'adminlang="en" srclang="en" o-tmf="Taiyaku" creationdate="20261130T123456Z">',
    );
    expect(tmxDate('2026-01-02T03:04:05.678+09:00')).toBe('20260101T180405Z');
  });

  it('writes one unit per row with both sides, every row whatever the selection, skipping null beads', () => {
    const tmx = renderTmx(model);
    expect([...tmx.matchAll(/<tu tuid="(s\d+)"/g)].map((match) => match[1])).toEqual([
      's0001',
      's0004',
      's0005',
    ]);
    expect(tmx).toContain(
      '<tuv xml:lang="en"><seg>1. The session was held in Tokyo. It ended at noon.</seg></tuv>',
    );
    expect(tmx).toContain(
      '<tuv xml:lang="ja"><seg>1. 会合は東京で行われる。正午に終わった。</seg></tuv>',
    );
  });

  it('filters by confidence (confirmed rows always pass) and by confirmation', () => {
    const ids = (tmx: string) => [...tmx.matchAll(/<tu tuid="(s\d+)"/g)].map((match) => match[1]);
    expect(ids(renderTmx(model, { minConfidence: 0.8 }))).toEqual(['s0004']);
    expect(ids(renderTmx(model, { minConfidence: 0.75 }))).toEqual(['s0001', 's0004', 's0005']);
    expect(ids(renderTmx(model, { confirmedOnly: true }))).toEqual(['s0004']);
  });

  it.runIf(canValidate)('is valid against the TMX 1.4 DTD (xmllint)', () => {
    const result = validate(renderTmx(model));
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  });
  it.skipIf(canValidate)(
    'is valid against the TMX 1.4 DTD: skipped, no /usr/bin/xmllint here',
    () => {},
  );
});

describe('readTmx', () => {
  it('reads back what renderTmx wrote', () => {
    expect(readTmx(renderTmx(model))).toEqual([
      {
        id: 's0001',
        source: '1. The session was held in Tokyo. It ended at noon.',
        target: '1. 会合は東京で行われる。正午に終わった。',
        sourceLang: 'en',
        targetLang: 'ja',
      },
      {
        id: 's0004',
        source: '2. Japan proposed support.',
        target: '2. 日本は支援を提案した。',
        sourceLang: 'en',
        targetLang: 'ja',
      },
      {
        id: 's0005',
        source: '=SUM(A1) is not a formula.',
        target: '=SUM(A1)は式ではない。',
        sourceLang: 'en',
        targetLang: 'ja',
      },
    ]);
  });

  it('matches languages by primary subtag, case-insensitively, and skips inline codes', () => {
    const tmx = `<?xml version="1.0"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4"><header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="EN-US" datatype="plaintext"/>
<body>
 <tu><tuv xml:lang="fr"><seg>Bonjour</seg></tuv><tuv xml:lang="JA-jp"><seg>こんにちは<ph>&lt;br/&gt;</ph></seg></tuv><tuv xml:lang="en-us"><seg>Hello <bpt i="1">&lt;b&gt;</bpt>you<ept i="1">&lt;/b&gt;</ept> &amp; me</seg></tuv></tu>
 <tu><tuv lang="EN"><seg>Only English</seg></tuv></tu>
</body></tmx>`;
    expect(readTmx(tmx, { targetLang: 'ja' })).toEqual([
      { source: 'Hello you & me', target: 'こんにちは', sourceLang: 'en-us', targetLang: 'JA-jp' },
    ]);
  });

  it('refuses entities and internal DTD subsets, truncated files and non-TMX documents, quickly', () => {
    const cases: [string, RegExp][] = [
      [
        '<!DOCTYPE tmx [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]><tmx version="1.4"><body/></tmx>',
        /entities/,
      ],
      ['<!DOCTYPE tmx [<!ELEMENT tmx ANY>]><tmx version="1.4"><body/></tmx>', /DOCTYPE/],
      [renderTmx(model).slice(0, 300), /not well-formed/],
      ['<xliff version="2.0"/>', /Not a TMX file/],
    ];
    for (const [xml, message] of cases) {
      const started = Date.now();
      expect(() => readTmx(xml)).toThrow(InterchangeFormatError);
      expect(() => readTmx(xml)).toThrow(message);
      expect(Date.now() - started).toBeLessThan(1000);
    }
  });
});
