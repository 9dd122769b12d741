// A citygrants server of our own for a browser test: a fresh SQLite demo fund in a temporary
// folder, served on a free loopback port, stopped (and its folder removed) by stop().

import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { DEMO_TOTP_SECRET } from './totp.mjs';

export const DEMO_PASSWORD = 'browser-demo-pass-1';
const running = new Set();

process.on('exit', () => { for (const child of running) child.kill('SIGKILL'); });

function binary() {
  const bin = process.env.CITYGRANTS_BIN;
  if (!bin) throw new Error('CITYGRANTS_BIN is not set: run the browser tests through ctest (ops/test)');
  return bin;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

async function waitUntilReady(base, child, log) {
  for (let i = 0; i < 150; i += 1) {
    if (child.exitCode !== null) throw new Error(`citygrants serve exited (${child.exitCode}): ${log.join('')}`);
    try {
      const res = await fetch(`${base}/readyz`);
      if (res.ok) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`citygrants serve did not become ready: ${log.join('')}`);
}

// Starts a server on a new demo database; answers {base, dbPath, stop(), sql(query)}.
// `serveArgs`: more flags for `serve` (an SMTP relay: ['--smtp-host', ...]).
export async function startServer({ serveArgs = [] } = {}) {
  const root = process.env.CITYGRANTS_TEST_TMP ?? os.tmpdir();
  const dir = mkdtempSync(path.join(root, 'browser-'));
  const dbPath = path.join(dir, 'demo.db');
  const db = `sqlite:${dbPath}`;
  execFileSync(binary(), ['migrate', '--db', db], { stdio: 'pipe' });
  execFileSync(binary(), ['seed-demo', '--db', db, '--demo-password', DEMO_PASSWORD, '--demo-totp-secret', DEMO_TOTP_SECRET], { stdio: 'pipe' });
  const port = await freePort();
  // Every test signs in from 127.0.0.1, many times: a budget of attempts that does not run out
  // (the budget itself is tested over HTTP in tests/web/sign_in_limits_test.cpp).
  const args = ['serve', '--db', db, '--host', '127.0.0.1', '--port', String(port), '--sign-in-burst', '100000'];
  if (process.env.CITYGRANTS_CONSOLE_DIR) args.push('--console-dir', process.env.CITYGRANTS_CONSOLE_DIR);
  args.push(...serveArgs);
  const child = spawn(binary(), args, { env: { ...process.env, CITYGRANTS_ACCESS_LOG: 'off' }, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  const log = [];
  child.stdout.on('data', (d) => log.push(String(d)));
  child.stderr.on('data', (d) => log.push(String(d)));
  const base = `http://127.0.0.1:${port}`;
  await waitUntilReady(base, child, log);
  return {
    base, dbPath, log,
    async stop() {
      running.delete(child);
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => { const timer = setTimeout(() => { child.kill('SIGKILL'); r(); }, 5000); child.once('exit', () => { clearTimeout(timer); r(); }); });
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
