import { execFileSync } from 'node:child_process';

/** The harness serves the built renderer and the Electron test runs the built app: build once per run. */
export default function globalSetup(): void {
  execFileSync('npx', ['electron-vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  execFileSync('npx', ['vite', 'build', '--config', 'vite.harness.config.ts'], { stdio: 'inherit' });
}
