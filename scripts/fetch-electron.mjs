// Electron (>= 41) no longer downloads its binary at install time. Fetch it here so `npm start` opens
// the desktop app on an ordinary machine — but never fail the install: on machines that cannot reach
// Electron's download host (or set ELECTRON_SKIP_BINARY_DOWNLOAD=1), Gatehouse runs through the browser
// harness instead, and says so.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  console.log('gatehouse: ELECTRON_SKIP_BINARY_DOWNLOAD is set; not fetching the Electron binary.');
  process.exit(0);
}

let installer;
try {
  installer = require.resolve('electron/install.js');
} catch {
  process.exit(0); // production install without devDependencies
}

const result = spawnSync(process.execPath, [installer], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 300_000 });
if (result.status === 0) {
  console.log('gatehouse: Electron binary ready.');
} else {
  console.log(
    'gatehouse: the Electron binary could not be downloaded here (no route to its host?).\n' +
      '           Everything else is installed: `npm start` will run Gatehouse in your browser through the harness.\n' +
      '           To skip this attempt next time: ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm install',
  );
}
