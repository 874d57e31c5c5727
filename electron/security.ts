// The security rules of the window, as plain functions so they are tested without Electron
// (environment.md): window options, the Content Security Policy, which navigations and
// external links are allowed, and which IPC senders are trusted.
import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The CSP of every page: only our own files; no eval, no inline scripts, no remote anything.
 * Inline styles are allowed because ag-grid positions rows and cells with style attributes.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Links the app may open in the user's browser: https on these hosts only. */
export const EXTERNAL_HOSTS: readonly string[] = ['moh.gov.vn', 'www.moh.gov.vn', 'vncdc.gov.vn', 'www.vncdc.gov.vn'];

export function windowOptions(preload: string, title: string): BrowserWindowConstructorOptions {
  return {
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 600,
    title,
    show: false,
    backgroundColor: '#f5f7fa',
    autoHideMenuBar: false,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: true,
    },
  };
}

/** Parses a URL; null when it does not parse. */
function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for an https link to an allowlisted host, without credentials or an unusual port. */
export function isAllowedExternalUrl(url: string, hosts: readonly string[] = EXTERNAL_HOSTS): boolean {
  // The parser forgives spaces and control characters; a link we open must not need forgiving.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\s\u0000-\u001f\u007f]/.test(url)) return false;
  const u = parse(url);
  if (!u) return false;
  return u.protocol === 'https:' && u.username === '' && u.password === '' && u.port === '' && hosts.includes(u.hostname);
}

/** The will-navigate rule: the page never leaves itself (a reload of the same page is fine). */
export function shouldBlockNavigation(url: string, rendererIndexUrl: string): boolean {
  const u = parse(url);
  const app = parse(rendererIndexUrl);
  return !u || !app || u.protocol !== 'file:' || u.pathname !== app.pathname || u.host !== app.host;
}

/** The window-open rule: never a new window; an allowlisted link opens in the browser instead. */
export function windowOpenDecision(url: string): { action: 'deny'; openExternally: boolean } {
  return { action: 'deny', openExternally: isAllowedExternalUrl(url) };
}

/** An IPC sender: the frame that sent the message (null when it is gone). */
export interface SenderFrame {
  url: string;
  /** True for the window's top frame. */
  isMain: boolean;
}

/** Only the main frame of our own page may call the service: not an iframe, not a foreign page. */
export function isTrustedSender(frame: SenderFrame | null, rendererIndexUrl: string): boolean {
  return frame !== null && frame.isMain && !shouldBlockNavigation(frame.url, rendererIndexUrl);
}
