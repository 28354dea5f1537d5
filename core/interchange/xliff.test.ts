import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReportModel } from '../report/reportModel';
import { createSelector } from '../review/annotation';
import { checkSession, createSession } from '../review/session';
import { segmentDocument } from '../text/segmentDocument';
import {
  HOSTILE_COMMENT,
  pageBreakAlignment,
  pairClausesInOrder,
  testReportOptions,
  testSession,
} from '../report/testProject';
import { readXliff, renderXliff, sessionFromXliff } from './xliff';
import { InterchangeFormatError } from './xml';

const XMLLINT = '/usr/bin/xmllint';
// The team's shared folder sits beside the repository (TAIYAKU_SHARED overrides it).
const SCHEMAS = join(
  process.env['TAIYAKU_SHARED'] ?? join(import.meta.dirname, '..', '..', '..', 'shared'),
  'schemas',
);
const canValidate = existsSync(XMLLINT) && existsSync(join(SCHEMAS, 'xliff_core_2.0.xsd'));
const importOptions = { author: 'Importer', importedAt: '2026-12-01T00:00:00.000Z' };

function exportXliff(session = testSession): string {
  return renderXliff(buildReportModel(session, { ...testReportOptions, rows: 'flagged' }));
}

/** xmllint's verdict on `xml` against the XLIFF 2 core schema: its output, and whether it passed. */
function validate(xml: string): { ok: boolean; output: string } {
  const directory = mkdtempSync(join(tmpdir(), 'taiyaku-xliff-'));
  try {
    const file = join(directory, 'r.xliff');
    writeFileSync(file, xml);
    try {
      const output = execFileSync(
        XMLLINT,
        ['--noout', '--schema', join(SCHEMAS, 'xliff_core_2.0.xsd'), file],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
      );
      return { ok: true, output };
    } catch (error) {
      const failure = error as { stderr?: string; stdout?: string };
      return { ok: false, output: `${failure.stdout ?? ''}${failure.stderr ?? ''}` };
    }
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/** The acceptance script's ITS checks: references are #its=ID naming an its:locQualityIssues of the same unit. */
function itsProblems(xml: string): string[] {
  const problems: string[] = [];
  for (const part of xml.split(/<unit[\s>]/).slice(1)) {
    const unit = part.split('</unit>')[0]!;
    const ids = new Set(
      [...unit.matchAll(/<its:locQualityIssues[^>]*xml:id="([^"]+)"/g)].map((match) => match[1]),
    );
    for (const match of unit.matchAll(/locQualityIssuesRef="([^"]*)"/g)) {
      const reference = match[1]!;
      if (!reference.startsWith('#its=')) problems.push(`${reference} lacks #its=`);
      else if (!ids.has(reference.slice(5)))
        problems.push(`${reference} names nothing in its unit`);
    }
    for (const match of unit.matchAll(
      /<(?:mrk|sm)\b[^>]*\btype="([^"]*)"[^>]*locQualityIssuesRef/g,
    )) {
      if (match[1] !== 'its:generic') problems.push(`mrk type ${match[1]}`);
    }
  }
  return problems;
}

describe('renderXliff', () => {
  it('writes one unit per row with its issues as ITS standoff records and marked spans', () => {
    const xml = exportXliff();
    expect(xml).toContain(
      '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:its="http://www.w3.org/2005/11/its"',
    );
    expect(xml).toMatch(/version="2\.1" srcLang="en" trgLang="ja" its:version="2\.0"/);
    // Every row, not only the flagged ones the model lists.
    expect(xml.match(/<unit /g)).toHaveLength(5);
    expect(xml).toContain(
      '<unit id="s0004" tky:clause="2" tky:confidence="1" tky:confirmed="yes">',
    );
    expect(xml).toContain('<segment id="seg" state="reviewed">');
    // The omission row has an empty target, the addition row an empty source.
    expect(xml).toMatch(/<source><mrk [^>]*>Lunch followed\.<\/mrk><\/source><target><\/target>/);
    expect(xml).toMatch(/<source><\/source><target><mrk [^>]*>追加の文。<\/mrk><\/target>/);
    expect(xml).toContain('locQualityIssueType="mistranslation"');
    expect(xml).toContain('locQualityIssueSeverity="60"');
    expect(xml).toContain('locQualityIssueEnabled="no"');
    expect(itsProblems(xml)).toEqual([]);
  });

  it('escapes markup, quotes and line breaks from the project', () => {
    const xml = exportXliff();
    expect(xml).not.toContain('<script>');
    expect(xml).toContain(
      'locQualityIssueComment="Tense: expected 行われた. &lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot; &amp; \'single\'&#10;second line"',
    );
    expect(xml).toContain('original="Sample &quot;ASEAN&quot; &lt;Smart Cities&gt;"');
  });

  it('nests overlapping spans by splitting the inner one, with unit-unique mrk ids', () => {
    const xml = exportXliff();
    const unit = xml.split('<unit id="s0001"')[1]!.split('</unit>')[0]!;
    const target = unit.split('<target>')[1]!.split('</target>')[0]!;
    // 東京で行われ (overlap, i2) is outer; 行われる (tense i1, same-span i3) is split at its end.
    expect(target.replace(/ id="m\d+" type="its:generic"/g, '')).toBe(
      '1. 会合は<mrk its:locQualityIssuesRef="#its=s0001-i2">東京で<mrk its:locQualityIssuesRef="#its=s0001-i1">' +
        '<mrk its:locQualityIssuesRef="#its=s0001-i3">行われ</mrk></mrk></mrk>' +
        '<mrk its:locQualityIssuesRef="#its=s0001-i1"><mrk its:locQualityIssuesRef="#its=s0001-i3">る</mrk></mrk>' +
        '。正午に終わった。',
    );
    const markIds = [...unit.matchAll(/<mrk id="(m\d+)"/g)].map((match) => match[1]);
    expect(new Set(markIds).size).toBe(markIds.length);
  });

  it('writes characters XML cannot carry as <cp>, and keeps the text between rows', () => {
    const xml = renderXliff(
      buildReportModel(createSession(pageBreakAlignment()), testReportOptions),
    );
    expect(xml).toContain('<cp hex="000C"/>');
    expect(xml).toContain(
      '<ignorable><source>Heading\n\n</source><target>見出し\n\n</target></ignorable>',
    );
  });

  it.runIf(canValidate)('is valid against the XLIFF 2 core schema (xmllint)', () => {
    for (const xml of [
      exportXliff(),
      renderXliff(buildReportModel(createSession(pageBreakAlignment()), testReportOptions)),
    ]) {
      const result = validate(xml);
      expect(result.output).toBe('');
      expect(result.ok).toBe(true);
    }
  });
  it.skipIf(canValidate)(
    'is valid against the XLIFF 2 core schema: skipped, no /usr/bin/xmllint here',
    () => {},
  );
});

/** The seed press release, segmented as the app does, with one flag on 行われる as the acceptance check sets it. */
function seedSession() {
  const read = (name: string) =>
    readFileSync(
      new URL(`../../fixtures/seed/summary-record.${name}.txt`, import.meta.url),
      'utf8',
    );
  const alignment = pairClausesInOrder(
    segmentDocument(read('en'), 'en'),
    segmentDocument(read('ja'), 'ja'),
  );
  const start = alignment.target.text.indexOf('行われる');
  return createSession(alignment, [
    {
      id: 'flag-1',
      selectors: [createSelector('target', alignment.target.text, start, start + 4)],
      category: 'accuracy/mistranslation',
      severity: 'major',
      comment: HOSTILE_COMMENT,
      status: 'open',
      author: 'Reviewer',
      createdAt: '2026-11-30T10:00:00.000Z',
      updatedAt: '2026-11-30T10:00:00.000Z',
      origin: { kind: 'reviewer' },
    },
  ]);
}

describe('the seed document', () => {
  it('round-trips exactly through XLIFF, pieces and labels included', () => {
    const session = seedSession();
    expect(checkSession(session)).toEqual([]);
    expect(session.alignment.source.sentences.some((sentence) => sentence.pieces)).toBe(true);
    const xml = exportXliff(session);
    expect(xml).toContain('>行われる</mrk>');
    expect(itsProblems(xml)).toEqual([]);
    const back = sessionFromXliff(readXliff(xml), importOptions);
    expect(back.alignment).toEqual(session.alignment);
    expect(back.annotations).toEqual(session.annotations);
  });

  it.runIf(canValidate)('is valid against the XLIFF 2 core schema (xmllint)', () => {
    expect(validate(exportXliff(seedSession()))).toEqual({ ok: true, output: '' });
  });
});

describe('readXliff and sessionFromXliff', () => {
  it('restores the exported project exactly: texts, beads, clauses, annotations', () => {
    const document = readXliff(exportXliff());
    expect(document.version).toBe('2.1');
    expect([document.sourceLang, document.targetLang]).toEqual(['en', 'ja']);
    const session = sessionFromXliff(document, importOptions);
    expect(checkSession(session)).toEqual([]);
    expect(session.alignment).toEqual(testSession.alignment);
    const byId = (annotations: typeof session.annotations) =>
      [...annotations].sort((left, right) => left.id.localeCompare(right.id));
    expect(byId(session.annotations)).toEqual(byId(testSession.annotations));
  });

  it('restores an alignment with pages, pieces, headings and control characters exactly', () => {
    const alignment = pageBreakAlignment();
    const xml = renderXliff(buildReportModel(createSession(alignment), testReportOptions));
    const session = sessionFromXliff(readXliff(xml), importOptions);
    expect(session.alignment).toEqual(alignment);
  });

  it('lists units and ITS issues mapped to MQM with offsets into the joined texts', () => {
    const document = readXliff(exportXliff());
    expect(document.units.map((unit) => unit.id)).toEqual([
      's0001',
      's0002',
      's0003',
      's0004',
      's0005',
    ]);
    expect(document.units[3]!.confirmed).toBe(true);
    const tense = document.issues.find((issue) => issue.id === 'tense')!;
    expect(tense).toMatchObject({
      itsType: 'mistranslation',
      category: 'accuracy/mistranslation',
      severity: 'major',
      suggestion: '行われた',
      target: { exact: '行われる' },
    });
    const cross = document.issues.find((issue) => issue.id === 'cross')!;
    expect(cross.target!.exact).toBe('提案した。=SUM');
    expect(document.issues.filter((issue) => issue.id === 'cross')).toHaveLength(1);
  });

  it('reads a foreign XLIFF 2.0 with local and standoff ITS issues', () => {
    const xml = `<?xml version="1.0"?>
<xliff version="2.0" srcLang="en-US" trgLang="ja-JP" xmlns="urn:oasis:names:tc:xliff:document:2.0"
  xmlns:its="http://www.w3.org/2005/11/its">
 <file id="f">
  <unit id="u1">
   <its:locQualityIssues xml:id="lqi1">
    <its:locQualityIssue locQualityIssueType="omission" locQualityIssueComment="missing" locQualityIssueSeverity="95"/>
   </its:locQualityIssues>
   <segment state="final"><source>Hello <mrk id="m1" type="its:generic" its:locQualityIssuesRef="#its=lqi1">big</mrk> world.</source>
    <target>こんにちは世界。</target></segment>
   <segment><source>Bye.</source><target><mrk id="m2" its:locQualityIssueType="terminology" its:locQualityIssueSeverity="10">さよなら</mrk>。</target></segment>
  </unit>
  <unit id="u2"><segment><source>Tail &amp; end.</source></segment></unit>
 </file>
</xliff>`;
    const document = readXliff(xml);
    expect(document.sourceText).toBe('Hello big world.Bye.\nTail & end.');
    expect(document.issues).toMatchObject([
      {
        category: 'accuracy/omission',
        severity: 'critical',
        comment: 'missing',
        source: { exact: 'big', start: 6 },
      },
      { category: 'terminology', severity: 'minor', target: { exact: 'さよなら' } },
    ]);
    const session = sessionFromXliff(document, importOptions);
    expect(
      session.alignment.sentenceBeads.map((bead) => [
        bead.sourceIndices,
        bead.targetIndices,
        bead.pinned ?? false,
      ]),
    ).toEqual([
      [[0], [0], true],
      [[1], [1], true],
      [[2], [], false],
    ]);
    expect(session.annotations[0]!.author).toBe('Importer');
  });

  it('reads XLIFF 1.2 trans-units with ITS marks', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:its="http://www.w3.org/2005/11/its">
 <file source-language="en" target-language="ja" datatype="plaintext" original="x">
  <body>
   <group id="g">
    <trans-unit id="1"><source>The <g id="1">cat</g> sat.</source>
     <target state="translated"><mrk mtype="x-its" its:locQualityIssueType="grammar" its:locQualityIssueComment="particle">猫が</mrk>座った。<ph id="p">&lt;br/&gt;</ph></target></trans-unit>
   </group>
   <trans-unit id="2"><source>Dog.</source></trans-unit>
  </body>
 </file>
</xliff>`;
    const document = readXliff(xml);
    expect(document.units.map((unit) => [unit.id, unit.source, unit.target])).toEqual([
      ['1', 'The cat sat.', '猫が座った。'],
      ['2', 'Dog.', ''],
    ]);
    expect(document.issues).toMatchObject([
      {
        category: 'linguistic-conventions/grammar',
        comment: 'particle',
        target: { exact: '猫が', start: 0 },
      },
    ]);
    expect(checkSession(sessionFromXliff(document, importOptions))).toEqual([]);
  });
});

describe('readXliff on hostile or broken input', () => {
  const expectRefusal = (xml: string, message: RegExp): void => {
    const started = Date.now();
    expect(() => readXliff(xml)).toThrow(InterchangeFormatError);
    expect(() => readXliff(xml)).toThrow(message);
    expect(Date.now() - started).toBeLessThan(1000);
  };

  it('refuses billion laughs', () => {
    const entities = Array.from(
      { length: 10 },
      (_, index) => `<!ENTITY lol${index + 1} "${`&lol${index};`.repeat(10)}">`,
    ).join('\n');
    expectRefusal(
      `<?xml version="1.0"?>\n<!DOCTYPE xliff [\n<!ENTITY lol0 "lol">\n${entities}\n]>\n<xliff version="2.0" srcLang="en"><file id="f"><unit id="u"><segment><source>&lol10;</source></segment></unit></file></xliff>`,
      /entities/,
    );
  });

  it('refuses an external entity', () => {
    expectRefusal(
      '<?xml version="1.0"?><!DOCTYPE xliff [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><xliff version="2.0" srcLang="en"><file id="f"><unit id="u"><segment><source>&xxe;</source></segment></unit></file></xliff>',
      /refused/,
    );
  });

  it('refuses any DOCTYPE, and undefined entity references', () => {
    expectRefusal('<!DOCTYPE xliff SYSTEM "x.dtd"><xliff version="2.0" srcLang="en"/>', /DOCTYPE/);
    expectRefusal(
      '<xliff version="2.0" srcLang="en"><file id="f"><unit id="u"><segment><source>&nbsp;</source></segment></unit></file></xliff>',
      /Undefined entity/,
    );
  });

  it('says a truncated file is not well-formed', () => {
    const xml = exportXliff();
    expectRefusal(xml.slice(0, Math.floor(xml.length / 2)), /not well-formed/);
  });

  it('says a document that is not XLIFF is not', () => {
    expectRefusal('<html><body>hi</body></html>', /Not an XLIFF file/);
    expectRefusal('just text', /not well-formed/);
    expectRefusal('<xliff version="3.0" srcLang="en"/>', /Unsupported XLIFF version/);
  });
});
