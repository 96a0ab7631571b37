import { app, session, shell, type WebContents } from 'electron';
import { APP_ORIGIN } from './app-origin';
import { isExternalLink } from './external-links';

/**
 * One guard for everything a page could try to open: navigation, new windows, webviews and
 * permission requests. Gatehouse's page never needs any of them; http(s) links go to the OS browser.
 */
export function installSecurityGuards(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_event, contents) => guard(contents));
}

function guard(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (new URL(url).origin !== APP_ORIGIN) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalLink(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}
