export const APP_SCHEME = 'gatehouse';
/** The renderer's only origin; IPC from any other frame is dropped. */
export const APP_ORIGIN = `${APP_SCHEME}://app`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;
