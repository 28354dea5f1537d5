import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from './contentSecurityPolicy';
import {
  KNOWN_LINKS,
  isAllowedHostHeader,
  isAllowedOrigin,
  isTrustedRendererUrl,
  chooseRendererUrl,
  APP_PAGE_URL,
  knownLinkFor,
} from './trustedUrl';

describe('knownLinkFor', () => {
  it('accepts exactly the allowlisted pages', () => {
    expect(knownLinkFor('https://themqm.org/')).toBe('mqm');
    expect(knownLinkFor('https://themqm.org')).toBe('mqm');
  });
  it.each([
    'http://themqm.org/',
    'https://themqm.org/other',
    'https://themqm.org/?q=1',
    'https://user:pw@themqm.org/',
    'https://themqm.org.evil.example/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'not a url',
  ])('refuses %s', (url) => expect(knownLinkFor(url)).toBeUndefined());

  it('opens each allowlisted page through a constant address in main/electron/security.ts', () => {
    // Formatting may wrap a call: compare with white space folded.
    const source = readFileSync(
      new URL('../electron/security.ts', import.meta.url),
      'utf8',
    ).replace(/\s+/g, '');
    for (const [name, url] of Object.entries(KNOWN_LINKS)) {
      const escaped = url.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      expect(source, name).toMatch(
        new RegExp(`case'${name}':voidshell\\.openExternal\\('${escaped}',?\\);`),
      );
    }
  });
});

describe('isTrustedRendererUrl', () => {
  it('trusts the app page on its own scheme, with or without a hash or query', () => {
    expect(APP_PAGE_URL).toBe('taiyaku://app/index.html');
    expect(isTrustedRendererUrl(APP_PAGE_URL, APP_PAGE_URL)).toBe(true);
    expect(isTrustedRendererUrl(`${APP_PAGE_URL}#/row/3`, APP_PAGE_URL)).toBe(true);
    expect(isTrustedRendererUrl('taiyaku://app/assets/x.js?v=1', APP_PAGE_URL)).toBe(true);
  });
  it('refuses other hosts of the scheme, other schemes, credentials and files', () => {
    expect(isTrustedRendererUrl('taiyaku://other/index.html', APP_PAGE_URL)).toBe(false);
    expect(isTrustedRendererUrl('taiyaku://user:pw@app/index.html', APP_PAGE_URL)).toBe(false);
    expect(isTrustedRendererUrl('https://app/index.html', APP_PAGE_URL)).toBe(false);
    expect(isTrustedRendererUrl('file:///app/out/renderer/index.html', APP_PAGE_URL)).toBe(false);
    expect(isTrustedRendererUrl('https://example.com/', APP_PAGE_URL)).toBe(false);
    expect(isTrustedRendererUrl('', APP_PAGE_URL)).toBe(false);
  });
  it('never trusts a file: page, even its own path (every local file would share its origin)', () => {
    const page = 'file:///app/out/renderer/index.html';
    expect(isTrustedRendererUrl(page, page)).toBe(false);
  });
  it('refuses a subframe even when it shows our page', () => {
    expect(isTrustedRendererUrl(APP_PAGE_URL, APP_PAGE_URL, false)).toBe(false);
  });
  it('matches the dev server by origin', () => {
    expect(isTrustedRendererUrl('http://localhost:5173/x', 'http://localhost:5173/')).toBe(true);
    expect(isTrustedRendererUrl('http://localhost:5174/', 'http://localhost:5173/')).toBe(false);
  });
});

describe('chooseRendererUrl', () => {
  it('takes the dev server only in an unpackaged app', () => {
    const devServerUrl = 'http://localhost:5173/';
    expect(chooseRendererUrl({ isPackaged: false, devServerUrl })).toBe(devServerUrl);
    expect(chooseRendererUrl({ isPackaged: true, devServerUrl })).toBe(APP_PAGE_URL);
    expect(chooseRendererUrl({ isPackaged: false, devServerUrl: undefined })).toBe(APP_PAGE_URL);
    expect(chooseRendererUrl({ isPackaged: false, devServerUrl: '' })).toBe(APP_PAGE_URL);
  });
});

describe('loopback origin and host checks', () => {
  it('allows no origin or our own only', () => {
    expect(isAllowedOrigin(undefined, 4000)).toBe(true);
    expect(isAllowedOrigin('http://127.0.0.1:4000', 4000)).toBe(true);
    expect(isAllowedOrigin('http://localhost:4000', 4000)).toBe(true);
    expect(isAllowedOrigin('http://127.0.0.1:4001', 4000)).toBe(false);
    expect(isAllowedOrigin('null', 4000)).toBe(false);
    expect(isAllowedOrigin('http://evil.example', 4000)).toBe(false);
  });
  it('allows loopback Host headers at our port only', () => {
    expect(isAllowedHostHeader('127.0.0.1:4000', 4000)).toBe(true);
    expect(isAllowedHostHeader('evil.example:4000', 4000)).toBe(false);
    expect(isAllowedHostHeader(undefined, 4000)).toBe(false);
  });
});

describe('Content-Security-Policy', () => {
  it('is the same in the page meta tag as in the host header', () => {
    const html = readFileSync(new URL('../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(CONTENT_SECURITY_POLICY);
  });
});
