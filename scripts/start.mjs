// npm start: serve the add-in, then show it where this machine can.
//
//  1. Runs the webpack dev server (webpack serve --mode development) with this terminal's output.
//  2. Once the server listens: on Windows and macOS, sideloads manifest.xml into Excel with
//     office-addin-debugging; elsewhere (or with DEFECON_NO_SIDELOAD=1) prints the URL of the browser
//     preview (preview.html: the pane and the DEF functions on an embedded spreadsheet engine) and
//     how to sideload into Excel on the web by hand, and keeps serving.
//  3. Ctrl-C stops everything it started.

import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import tls from 'node:tls';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const port = Number(process.env.npm_package_config_dev_server_port || packageJson.config?.dev_server_port || 3000);
const manifest = 'manifest.xml';

/** @type {Set<import("node:child_process").ChildProcess>} */
const children = new Set();
let stopping = false;
let sideloaded = false;

function say(message) {
  console.log(`[defecon] ${message}`);
}

/** Runs a package's command-line entry with this Node, so no shell or npx is needed on any OS. */
function binPath(packageName, binName) {
  const packageFile = require.resolve(`${packageName}/package.json`);
  const { bin } = JSON.parse(readFileSync(packageFile, 'utf8'));
  const relative = typeof bin === 'string' ? bin : bin[binName];
  return path.join(path.dirname(packageFile), relative);
}

function run(args, options = {}) {
  const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit', ...options });
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

/** Resolves once something accepts TCP connections on the port; rejects if `server` exits first. */
function waitForPort(server) {
  return new Promise((resolve, reject) => {
    let done = false;
    server.once('exit', (code) => {
      done = true;
      reject(new Error(`the dev server exited (code ${code}) before it listened on port ${port}`));
    });
    const attempt = () => {
      if (done) return;
      const socket = net.connect({ port, host: 'localhost' });
      socket.once('connect', () => {
        socket.destroy();
        done = true;
        resolve();
      });
      socket.once('error', () => {
        socket.destroy();
        setTimeout(attempt, 500);
      });
    };
    attempt();
  });
}

function portInUse() {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: 'localhost' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** The server's URL: https when a TLS handshake succeeds (dev certificates installed), else http. */
function serverUrl() {
  return new Promise((resolve) => {
    const socket = tls.connect({ port, host: 'localhost', rejectUnauthorized: false });
    const settle = (protocol) => {
      socket.destroy();
      resolve(`${protocol}://localhost:${port}/`);
    };
    socket.setTimeout(3000, () => settle('http'));
    socket.once('secureConnect', () => settle('https'));
    socket.once('error', () => settle('http'));
  });
}

/** Windows and macOS can sideload into desktop Excel; nothing else can. */
function canSideload() {
  return (process.platform === 'win32' || process.platform === 'darwin') && process.env.DEFECON_NO_SIDELOAD !== '1';
}

/**
 * Puts the add-in in front of the user, once the server listens. The one place that branches on
 * the platform: Excel where it can be sideloaded, else the browser preview.
 */
async function showAddin(url) {
  if (canSideload()) {
    await sideload();
  } else {
    printNoExcel(url);
  }
}

async function sideload() {
  let cli;
  try {
    cli = binPath('office-addin-debugging', 'office-addin-debugging');
  } catch {
    say('office-addin-debugging is not installed, so nothing was sideloaded; the dev server keeps running.');
    return;
  }
  say(`Sideloading ${manifest} into Excel (office-addin-debugging start)...`);
  const child = run([cli, 'start', manifest]);
  const code = await new Promise((resolve) => child.once('exit', resolve));
  if (code === 0) {
    sideloaded = true;
  } else {
    say(`Sideloading failed (office-addin-debugging exited with ${code}); the dev server keeps running.`);
  }
}

function printNoExcel(url) {
  const why = process.env.DEFECON_NO_SIDELOAD === '1' ? ' (DEFECON_NO_SIDELOAD=1)' : '';
  const lines = [
    '',
    `[defecon] Excel is not available on this machine${why}: nothing is sideloaded.`,
    "[defecon] Try DefEcon in the browser preview (the add-in's pane and DEF functions on an embedded",
    '[defecon] spreadsheet engine) at:',
    '',
    `    ${url}preview.html`,
    '',
    `[defecon] The add-in itself is served at ${url} (the pane: ${url}taskpane.html).`,
    '[defecon] To try it in Excel on the web: open a workbook, Home > Add-ins > More Add-ins >',
    `[defecon]   Upload My Add-in, and choose ${path.join(root, manifest)}.`,
    '[defecon]   The browser then loads the add-in from https://localhost:' + port + '/ on its own machine,',
    '[defecon]   so run npm start there, with a trusted certificate (npx office-addin-dev-certs install).',
  ];
  if (url.startsWith('http:')) {
    lines.push('[defecon] This server speaks plain http (no dev certificate), which Excel will not load.');
  }
  lines.push('[defecon] Press Ctrl-C to stop.', '');
  console.log(lines.join('\n'));
}

function stop(exitCode) {
  if (stopping) return;
  stopping = true;
  if (sideloaded) {
    say('Removing the sideloaded add-in (office-addin-debugging stop)...');
    spawnSync(process.execPath, [binPath('office-addin-debugging', 'office-addin-debugging'), 'stop', manifest], {
      cwd: root,
      stdio: 'inherit',
      timeout: 30_000,
    });
  }
  for (const child of children) {
    child.kill('SIGTERM');
  }
  const deadline = setTimeout(() => {
    for (const child of children) child.kill('SIGKILL');
    process.exit(exitCode);
  }, 5000);
  const check = setInterval(() => {
    if (children.size === 0) {
      clearInterval(check);
      clearTimeout(deadline);
      process.exit(exitCode);
    }
  }, 100);
}

async function main() {
  if (await portInUse()) {
    say(`Port ${port} is already in use: stop whatever serves it, or change config.dev_server_port in package.json.`);
    process.exit(1);
  }

  process.on('SIGINT', () => stop(130));
  process.on('SIGTERM', () => stop(143));

  const server = run([binPath('webpack-cli', 'webpack-cli'), 'serve', '--mode', 'development']);
  server.on('exit', (code) => {
    if (!stopping) {
      say(`The dev server stopped (code ${code}).`);
      stop(code ?? 1);
    }
  });

  try {
    await waitForPort(server);
  } catch (error) {
    say(error.message);
    return;
  }
  await showAddin(await serverUrl());
}

main().catch((error) => {
  say(`start failed: ${error instanceof Error ? error.message : String(error)}`);
  stop(1);
});
