import { app, session, shell, type WebContents } from 'electron';
import { APP_ORIGIN } from './app-origin';
import { isExternalLink } from './external-links';

/**
 * One guard for everything a page could try to open: navigation, new windows, webviews and
 * permission requests. Gatehouse's page needs none of them but notifications (fills, alerts), and those
 * only for its own origin; http(s) links go to the OS browser.
 */
export function installSecurityGuards(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(notificationsFromApp(permission, details.requestingUrl)),
  );
  session.defaultSession.setPermissionCheckHandler((_contents, permission, origin) =>
    notificationsFromApp(permission, origin),
  );
  app.on('web-contents-created', (_event, contents) => guard(contents));
}

/** By string: the request gives a URL, the check an origin, and either is the app's only when it starts so. */
const notificationsFromApp = (permission: string, url: string) =>
  permission === 'notifications' && (url === APP_ORIGIN || url.startsWith(`${APP_ORIGIN}/`));

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
