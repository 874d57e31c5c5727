import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  isAllowedExternalUrl,
  isTrustedSender,
  shouldBlockNavigation,
  windowOpenDecision,
  windowOptions,
} from './security';

const INDEX = 'file:///opt/Thong%20ke%20Y%20te/resources/app.asar/dist/renderer/index.html';

describe('window options', () => {
  it('isolate the page from Node and Electron', () => {
    const o = windowOptions('/app/preload.cjs', 'Thống kê Y tế');
    expect(o.webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    });
    expect(o.width).toBe(1366);
    expect(o.height).toBe(768);
  });
});

describe('content security policy', () => {
  const directives = new Map(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));

  it('allows only our own scripts: no eval, no inline script, no remote loads', () => {
    expect(directives.get('default-src')).toBe("'none'");
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('connect-src')).toBe("'none'");
    expect(directives.get('object-src')).toBe("'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
  });

  it('is the same in the page, except what only a header can say', () => {
    const html = readFileSync(new URL('../renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    const headerOnly = ['frame-ancestors'];
    const expected = CONTENT_SECURITY_POLICY.split('; ').filter((d) => !headerOnly.includes(d.split(' ')[0]!)).join('; ');
    expect(meta).toBe(expected);
  });
});

describe('navigation and new windows', () => {
  it('lets the page reload itself and nothing else', () => {
    expect(shouldBlockNavigation(INDEX, INDEX)).toBe(false);
    expect(shouldBlockNavigation(`${INDEX}#entry`, INDEX)).toBe(false);
    for (const url of [
      'https://moh.gov.vn/',
      'file:///etc/passwd',
      'file:///opt/Thong%20ke%20Y%20te/resources/app.asar/dist/renderer/other.html',
      'file:///opt/Thong%20ke%20Y%20te/resources/app.asar/dist/renderer/../../index.html',
      'javascript:alert(1)',
      'data:text/html,<h1>x</h1>',
      'not a url',
    ]) {
      expect(shouldBlockNavigation(url, INDEX), url).toBe(true);
    }
  });

  it('never opens a new window; an allowlisted link goes to the browser', () => {
    expect(windowOpenDecision('https://moh.gov.vn/tin-tuc')).toEqual({ action: 'deny', openExternally: true });
    expect(windowOpenDecision('https://evil.example/')).toEqual({ action: 'deny', openExternally: false });
    expect(windowOpenDecision(INDEX)).toEqual({ action: 'deny', openExternally: false });
  });
});

describe('openExternal allowlist', () => {
  it('accepts https links to the listed hosts', () => {
    expect(isAllowedExternalUrl('https://moh.gov.vn/')).toBe(true);
    expect(isAllowedExternalUrl('https://www.moh.gov.vn/web/guest/van-ban?x=1#a')).toBe(true);
  });

  it('refuses look-alikes, other schemes, credentials and ports', () => {
    for (const url of [
      'http://moh.gov.vn/',
      'https://moh.gov.vn.evil.example/',
      'https://evilmoh.gov.vn/',
      'https://moh.gov.vn@evil.example/',
      'https://user:pw@moh.gov.vn/',
      'https://moh.gov.vn:8443/',
      'file:///C:/Windows/System32/calc.exe',
      'smb://moh.gov.vn/share',
      'javascript:alert(1)//https://moh.gov.vn/',
      ' https://moh.gov.vn',
      'https://MOH.GOV.VN.evil.example',
      '',
    ]) {
      expect(isAllowedExternalUrl(url), url).toBe(false);
    }
  });
});

describe('IPC sender frames', () => {
  it('trusts only the main frame of our own page', () => {
    expect(isTrustedSender({ url: INDEX, isMain: true }, INDEX)).toBe(true);
    expect(isTrustedSender({ url: INDEX, isMain: false }, INDEX)).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', isMain: true }, INDEX)).toBe(false);
    expect(isTrustedSender({ url: 'file:///tmp/evil.html', isMain: true }, INDEX)).toBe(false);
    expect(isTrustedSender(null, INDEX)).toBe(false);
  });
});
