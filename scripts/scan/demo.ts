/**
 * The demo behind `npm start` (scripts/start.mjs runs this with tsx):
 *
 *   tsx scripts/scan/demo.ts           start the demo server, scan the four demo pages, print the report
 *   tsx scripts/scan/demo.ts --open    start the demo server and open the demo index in a visible
 *                                      Chromium with the extension; ends when the window is closed
 *   tsx scripts/scan/demo.ts --serve   only run the demo server and print the scan command to use
 *
 * The scan runs the real command line (scripts/scan.ts) with one --resolve per demo host.
 */
import { spawn } from 'node:child_process';
import { relative, resolve } from 'node:path';
import { DEMO_INDEX, DEMO_PAGES, startDemoServer } from './demo-server.ts';
import { launchHeaded, LaunchError } from './launch.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const TSX_CLI = resolve(ROOT, 'node_modules/tsx/dist/cli.mjs');
const SCAN = resolve(ROOT, 'scripts/scan.ts');

async function main(argv: string[]): Promise<number> {
  const mode = argv.includes('--open') ? 'open' : argv.includes('--serve') ? 'serve' : 'scan';
  const server = await startDemoServer();
  const args = [...server.resolveArgs(), ...DEMO_PAGES];
  const command = `npm run -s scan -- ${args.join(' ')}`;
  try {
    if (mode === 'open') {
      console.log(`Opening ${DEMO_INDEX} in Chromium with the extension (demo server on 127.0.0.1:${server.port}). Close the window to finish.`);
      await launchHeaded(DEMO_INDEX, { resolve: server.resolveRules });
      return 0;
    }
    if (mode === 'serve') {
      console.log(`Demo server on https://127.0.0.1:${server.port}/ for ${server.hosts.join(', ')}.\nScan it with:\n\n  ${command}\n\nCtrl-C stops it.`);
      await new Promise<void>((ok) => {
        process.once('SIGINT', ok);
        process.once('SIGTERM', ok);
      });
      return 0;
    }
    // The full command is not shown: it names this run's port, and the server stops with the run
    // (--serve keeps one up and prints the command to use).
    console.log(`Scanning the demo pages with the extension in headless Chromium (npm run -s scan, demo server on 127.0.0.1:${server.port}):\n`);
    return await new Promise<number>((ok, fail) => {
      const child = spawn(process.execPath, [TSX_CLI, relative(ROOT, SCAN), ...args], { cwd: ROOT, stdio: 'inherit' });
      child.once('error', fail);
      child.once('exit', (code, signal) => ok(code ?? (signal ? 130 : 1)));
    });
  } finally {
    await server.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`demo: ${error instanceof LaunchError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
