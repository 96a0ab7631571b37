/**
 * `npm start`: the desktop app when Electron's binary is installed; otherwise the same UI and services
 * through the browser harness, on the built-in simulator either way.
 */
import { spawn } from 'node:child_process';
import { electronBinary } from './electron-binary';

const run = (command: string, args: string[]) =>
  new Promise<number>((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.once('SIGINT', forward);
    process.once('SIGTERM', forward);
    child.on('exit', (code) => resolve(code ?? 1));
  });

if (electronBinary()) {
  process.exit(await run('npx', ['electron-vite', 'preview']));
} else {
  console.log(
    'Gatehouse: no Electron binary on this machine, so the app runs through the harness.\n' +
      'Open the URL printed below in Chromium or any browser on this machine.\n',
  );
  process.exit(await run('npm', ['run', 'harness']));
}
