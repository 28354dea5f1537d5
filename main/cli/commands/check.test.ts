import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DocumentFinding } from '../../../core/checks/checkDocument';
import { annotationOfFinding, dismissalOfFinding } from '../../../core/checks/suggestions';
import { runCli } from '../index';

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    cwd: process.cwd(),
  });
  return { code, stdout, stderr };
}

describe('check command', () => {
  const directory = mkdtempSync(join(tmpdir(), 'check-cli-'));
  const file = (name: string, content: string): string => {
    const path = join(directory, name);
    writeFileSync(path, content);
    return path;
  };

  it('writes one line for every pair, with an empty list when nothing is found', async () => {
    const pairs = file(
      'pairs.jsonl',
      [
        { id: 'a', en: 'We hired 12 engineers.', ja: '技術者を12人採用した。' },
        { id: 'b', en: 'We hired 12 engineers.', ja: '技術者を15人採用した。' },
        { id: 7, en: 'The ceremony was held in Osaka.', ja: '式典は大阪で開催される。' },
      ]
        .map((line) => JSON.stringify(line))
        .join('\n'),
    );
    const out = join(directory, 'found.jsonl');
    const result = await run(['check', '--pairs', pairs, '--out', out]);
    expect(result.code).toBe(0);
    const lines = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: unknown; findings: { check: string }[] });
    expect(lines.map((line) => line.id)).toEqual(['a', 'b', 7]);
    expect(lines[0]!.findings).toEqual([]);
    expect(lines[1]!.findings.map((finding) => finding.check)).toContain('number');
    expect(lines[2]!.findings.map((finding) => finding.check)).toEqual(['tense']);
  });

  it('names the line of a bad pair and exits non-zero', async () => {
    const pairs = file('bad.jsonl', '{"id":1,"en":"a","ja":"あ"}\n{"id":2,"en":"b"}\n');
    const result = await run(['check', '--pairs', pairs]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/line 2: "ja" must be a string/);
    const notJson = await run(['check', '--pairs', file('bad2.jsonl', 'nonsense\n')]);
    expect(notJson.stderr).toMatch(/line 1: not valid JSON/);
  });

  it('checks an aligned document and reports bead and clause numbers', async () => {
    const english = file(
      'en.txt',
      '1. The ceremony was held in Osaka.\n\n2. We hired 12 engineers.\n',
    );
    const japanese = file('ja.txt', '1. 式典は大阪で開催される。\n\n2. 技術者を12人採用した。\n');
    const result = await run(['check', '--en', english, '--ja', japanese, '--format', 'json']);
    expect(result.code).toBe(0);
    const { findings } = JSON.parse(result.stdout) as {
      findings: { check: string; bead: number; clause: number }[];
    };
    expect(findings).toEqual([expect.objectContaining({ check: 'tense', bead: 0, clause: 1 })]);
  });

  it('checks glossary terms and, when asked, Japanese style; a bad glossary is a one-line error', async () => {
    const glossary = file(
      'glossary.csv',
      'English,Japanese\nHigh Level Meeting,ハイレベル会合;ハイレベル会議\n',
    );
    const english = file('en3.txt', 'The High Level Meeting took place in 2022.\n');
    const japanese = file('ja3.txt', '高官会合が２０２２年に開かれた。\n');
    const result = await run([
      'check',
      '--en',
      english,
      '--ja',
      japanese,
      '--glossary',
      glossary,
      '--style',
    ]);
    expect(result.code).toBe(0);
    const checks = (JSON.parse(result.stdout) as { findings: { check: string }[] }).findings.map(
      (finding) => finding.check,
    );
    expect(checks).toContain('term');
    expect(checks).toContain('style');
    const withoutStyle = await run(['check', '--en', english, '--ja', japanese]);
    expect(
      (JSON.parse(withoutStyle.stdout) as { findings: { check: string }[] }).findings.map(
        (finding) => finding.check,
      ),
    ).not.toContain('style');
    const bad = await run([
      'check',
      '--en',
      english,
      '--ja',
      japanese,
      '--glossary',
      file('bad.tbx', '<martif><text>'),
    ]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/--glossary: bad\.tbx: TBX file is not well-formed/);
  });

  it('refuses bad document input with a one-line message', async () => {
    const english = file('en2.txt', 'The meeting was held.\n');
    const empty = await run(['check', '--en', english, '--ja', file('empty.txt', '')]);
    expect(empty.code).not.toBe(0);
    expect(empty.stderr.trim().split('\n')).toHaveLength(1);
    expect(empty.stderr).toMatch(/empty/);
    const missing = await run(['check', '--en', english]);
    expect(missing.code).toBe(2);
  });

  describe('on a project', () => {
    beforeAll(() => vi.stubEnv('TAIYAKU_USER_DATA', join(directory, 'user-data')));
    afterAll(() => vi.unstubAllEnvs());

    it('checks the project as reviewed, with its settings, leaving out what the reviewer dismissed', async () => {
      const english = file(
        'p.en.txt',
        '1. The ceremony was held in Osaka.\n\n2. We hired 12 engineers.\n',
      );
      const japanese = file(
        'p.ja.txt',
        '1. 式典は大阪で開催される。\n\n2. 技術者を15人採用した。\n',
      );
      const project = join(directory, 'p.taiyaku');
      const made = await run(['new', '--en', english, '--ja', japanese, '--out', project]);
      expect(made.code).toBe(0);
      const checked = await run(['check', project]);
      expect(checked.stderr).toBe('');
      const { findings } = JSON.parse(checked.stdout) as { findings: DocumentFinding[] };
      expect(findings.map((finding) => finding.check)).toEqual(['tense', 'number', 'number']);

      // The reviewer dismissed the tense suggestion and accepted the first number suggestion as an issue.
      const stored = JSON.parse(readFileSync(project, 'utf8')) as {
        alignment: Parameters<typeof dismissalOfFinding>[1];
        annotations: unknown[];
        dismissals: unknown[];
        settings: Record<string, unknown>;
      };
      stored.dismissals = [
        dismissalOfFinding(findings[0]!, stored.alignment, 'd1', '2026-12-01T00:00:00.000Z'),
      ];
      stored.annotations = [
        annotationOfFinding(findings[1]!, stored.alignment, 'a1', '2026-12-01T00:00:00.000Z'),
      ];
      writeFileSync(project, JSON.stringify(stored, null, 2));
      const open = await run(['check', project, '--format', 'tsv']);
      expect(open.code).toBe(0);
      expect(
        open.stdout
          .trim()
          .split('\n')
          .map((line) => line.split('\t')[2]),
      ).toEqual(['number']);
      expect(open.stdout).toContain(findings[2]!.message);
      const all = await run(['check', project, '--all', '--format', 'tsv']);
      expect(all.stdout.trim().split('\n')).toHaveLength(3);

      // Then turned the number check off for the project.
      stored.settings = { ...stored.settings, checks: { number: { enabled: false } } };
      writeFileSync(project, JSON.stringify(stored, null, 2));
      expect((await run(['check', project, '--format', 'tsv'])).stdout).toBe('');
    });

    it('refuses a project with --en or --pairs, and --all without a project', async () => {
      const both = await run(['check', join(directory, 'p.taiyaku'), '--en', 'x.txt']);
      expect(both.code).toBe(2);
      const stray = await run(['check', '--en', 'x.txt', '--ja', 'y.txt', '--all']);
      expect(stray.code).toBe(2);
      expect(stray.stderr).toMatch(/--all goes with a project file/);
    });
  });
});
