// Language server figures on a (large) project: spawns the bundled server over stdio and talks to
// it with vscode-languageserver-protocol's connection, as an editor would.
//   - initialize → last diagnostic of the first index (compared with the CLI's cold check);
//   - didChange of one ECA header → its publishDiagnostics, p50/p99 over 200 edits (each edit
//     toggles distributionState Packaged ↔ Local, so each one changes the file's diagnostics);
//   - a .forceignore edit (a line that keeps policy files out, removed then restored) → the last
//     diagnostic it updates;
//   - the tree view's ecaLens/inventory request (time and size; no target);
//   - server RSS after indexing.
// `benchLsp({ root, cliColdMs })` is called by bench/run.mjs; `node bench/lsp.mjs <projectDir>` runs it alone.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';

const SERVER = fileURLToPath(new URL('../server/out/server.js', import.meta.url));
const TARGETS = { initRatio: 1.2, editP99Ms: 10, forceIgnoreMs: 100, rssMb: 120, completionMs: 5 };
const EDITS = Number(process.env.BENCH_EDITS ?? 200);
const FI_ROUNDS = Number(process.env.BENCH_FI_ROUNDS ?? 5);

const uriOf = (p) => pathToFileURL(p).href;
const now = () => performance.now();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const pct = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((q / 100) * s.length) - 1)];
};

function rssMb(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** A header in a packaged directory that is Packaged with an orgScopedExternalApp (toggling its state changes its findings). */
function pickHeader(root) {
  const proj = JSON.parse(readFileSync(join(root, 'sfdx-project.json'), 'utf8'));
  const dirs = (proj.packageDirectories ?? []).filter((d) => d.package).map((d) => resolve(root, d.path));
  const walk = (d, depth) => {
    if (depth > 8) return undefined;
    let ents;
    try {
      ents = readdirSync(d, { withFileTypes: true });
    } catch {
      return undefined;
    }
    for (const e of ents) {
      const p = join(d, e.name);
      if (e.isFile() && e.name.endsWith('.eca-meta.xml')) {
        const t = readFileSync(p, 'utf8');
        if (t.includes('<distributionState>Packaged</distributionState>') && t.includes('<orgScopedExternalApp>')) return { path: p, text: t };
      }
    }
    for (const e of ents) if (e.isDirectory() && e.name !== 'node_modules' && !e.name.startsWith('.')) {
      const r = walk(join(d, e.name), depth + 1);
      if (r) return r;
    }
    return undefined;
  };
  for (const d of dirs) {
    const r = walk(d, 0);
    if (r) return r;
  }
  return undefined;
}

/** A file of a packaged directory inside a folder named `folder` (for a one-file `.forceignore` line). */
function pickIn(root, folder) {
  const proj = JSON.parse(readFileSync(join(root, 'sfdx-project.json'), 'utf8'));
  for (const d of (proj.packageDirectories ?? []).filter((x) => x.package)) {
    const stack = [resolve(root, d.path)];
    while (stack.length) {
      const dir = stack.pop();
      let ents;
      try {
        ents = readdirSync(dir, { withFileTypes: true });
      } catch {
        continue;
      }
      if (dir.endsWith(`/${folder}`)) {
        const f = ents.find((e) => e.isFile() && e.name.endsWith('-meta.xml'));
        if (f) return f.name;
      }
      for (const e of ents) if (e.isDirectory()) stack.push(join(dir, e.name));
    }
  }
  return undefined;
}

function positionAt(text, offset) {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

/**
 * `initOnly`: only `initialize` → last diagnostic, then shut down (bench/run.mjs alternates these
 * with the CLI's cold check, so that both see the same load).
 */
export async function benchLsp({ root, cliColdMs, quiet = false, initOnly = false, initRatioNote = '' } = {}) {
  root = resolve(root);
  const out = (s) => quiet || console.log(s);
  const proc = spawn(process.execPath, [...(process.env.ECA_LENS_PROF ? ['--cpu-prof', '--cpu-prof-dir=' + process.env.ECA_LENS_PROF] : []), ...(process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean), SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  const diagWaiters = new Map();
  let lastDiagAt = 0;
  let diagCount = 0;
  const withDiags = new Set();
  let readyResolve;
  const ready = new Promise((r) => (readyResolve = r));
  // BENCH_TRACE=1: the server's verbose trace (timings of the index and of each batch) on stderr.
  const trace = !!process.env.BENCH_TRACE;
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => (trace ? { trace: { server: 'verbose' } } : null)));
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.onRequest('client/registerCapability', () => null);
  conn.onNotification('window/logMessage', (m) => trace && process.stderr.write(`[server ${(now() - t0).toFixed(0)} ms] ${m.message}\n`));
  conn.onNotification('$/progress', () => {});
  conn.onNotification('ecaLens/inventoryChanged', () => {});
  let statusWaiter;
  conn.onNotification('ecaLens/status', (s) => {
    if (s.state !== 'ready') return;
    readyResolve(now());
    if (statusWaiter) {
      const w = statusWaiter;
      statusWaiter = undefined;
      w();
    }
  });
  // The server sends a ready status after each batch of changes whose counts changed, after the
  // diagnostics of that batch (messages keep their order): the last diagnostic before it is the
  // last one the batch updated.
  const nextStatus = (ms = 10000) =>
    new Promise((res) => {
      const t = setTimeout(() => {
        statusWaiter = undefined;
        res(false);
      }, ms);
      statusWaiter = () => {
        clearTimeout(t);
        res(true);
      };
    });
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    lastDiagAt = now();
    diagCount++;
    if (p.diagnostics.length) withDiags.add(p.uri);
    else withDiags.delete(p.uri);
    const w = diagWaiters.get(p.uri);
    if (w) {
      diagWaiters.delete(p.uri);
      w(lastDiagAt);
    }
  });
  conn.listen();
  const waitDiag = (uri, ms = 10000) =>
    new Promise((res, rej) => {
      const t = setTimeout(() => rej(new Error(`no diagnostics for ${uri} within ${ms} ms`)), ms);
      diagWaiters.set(uri, (at) => {
        clearTimeout(t);
        res(at);
      });
    });

  let t0 = 0;
  const rootUri = uriOf(root);
  // Let node start and load the bundle first: the clock runs from the initialize request, as the
  // target says (the CLI's cold check is timed inside its process too).
  await sleep(500);
  t0 = now();
  const initResponse = conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'bench' }],
    capabilities: {
      workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceEdit: { documentChanges: true } },
      textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, tagSupport: { valueSet: [1, 2] } }, synchronization: { didSave: true } },
      window: { workDoneProgress: true },
    },
  });
  await initResponse;
  const initResponseMs = now() - t0;
  await conn.sendNotification('initialized', {});
  const readyAt = await ready;
  const initMs = (lastDiagAt || readyAt) - t0;
  const readyMs = readyAt - t0;
  const filesWithDiags = withDiags.size;
  if (initOnly) {
    await conn.sendRequest('shutdown');
    await conn.sendNotification('exit');
    await new Promise((r) => proc.once('exit', r));
    conn.dispose();
    return { initToLastDiagnosticMs: initMs, filesWithDiagnostics: filesWithDiags };
  }
  await sleep(500);
  const rss = rssMb(proc.pid);

  // didChange latency on one header.
  const h = pickHeader(root);
  const editLat = [];
  const completionLat = [];
  if (h) {
    const uri = uriOf(h.path);
    let version = 1;
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'xml', version, text: h.text } });
    await sleep(100);
    let text = h.text;
    for (let i = 0; i < EDITS; i++) {
      const from = i % 2 === 0 ? 'Packaged' : 'Local';
      const to = i % 2 === 0 ? 'Local' : 'Packaged';
      const at = text.indexOf(`<distributionState>${from}</distributionState>`) + '<distributionState>'.length;
      const range = { start: positionAt(text, at), end: positionAt(text, at + from.length) };
      text = text.slice(0, at) + to + text.slice(at + from.length);
      const waiting = waitDiag(uri);
      const t = now();
      await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ range, text: to }] });
      editLat.push((await waiting) - t);
    }
    // textDocument/completion after `<` on a new line before the closing root tag.
    const close = text.lastIndexOf('</');
    const typed = text.slice(0, close) + '<' + text.slice(close);
    await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ text: typed }] });
    const position = positionAt(typed, close + 1);
    for (let i = 0; i < EDITS; i++) {
      const t = now();
      await conn.sendRequest('textDocument/completion', { textDocument: { uri }, position });
      completionLat.push(now() - t);
    }
    await conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await sleep(100);
  }

  // .forceignore edits → last updated diagnostic: (a) a line for one file (a `!` line that puts one
  // excluded policy file back into the build, then removed), (b) a line that governs a whole ECA
  // folder (removed, then restored).
  const fiPath = join(root, '.forceignore');
  const fiOne = [];
  const fiFolder = [];
  let fiLine = '';
  let oneLine = '';
  let fiUpdated = 0;
  if (existsSync(fiPath)) {
    const original = readFileSync(fiPath, 'utf8');
    const lines = original.split('\n');
    const idx = [/extlClntAppPolicies/, /extlClntAppOauthPolicies/, /GlobalOauth/i, /^[^#!\s]/].map((re) => lines.findIndex((l) => re.test(l))).find((i) => i >= 0);
    if (idx !== undefined && idx >= 0) {
      fiLine = lines[idx];
      const folder = /\*\*\/([^/*]+)\/\*\*/.exec(fiLine)?.[1];
      const one = folder ? pickIn(root, folder) : undefined;
      if (one) oneLine = `!**/${folder}/${one}`;
      const uri = uriOf(fiPath);
      let version = 1;
      await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'ignore', version, text: original } });
      await sleep(200);
      const measure = async (text, into) => {
        const before = diagCount;
        const status = nextStatus();
        const t = now();
        await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ text }] });
        if ((await status) && diagCount > before) {
          into.push(lastDiagAt - t);
          fiUpdated = Math.max(fiUpdated, diagCount - before);
        }
        await sleep(50);
      };
      const withOne = original.endsWith('\n') ? `${original}${oneLine}\n` : `${original}\n${oneLine}\n`;
      const without = [...lines.slice(0, idx), ...lines.slice(idx + 1)].join('\n');
      for (let r = 0; r < FI_ROUNDS; r++) {
        if (oneLine) {
          await measure(withOne, fiOne);
          await measure(original, fiOne);
        }
        await measure(without, fiFolder);
        await measure(original, fiFolder);
      }
      await conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    }
  }

  // The tree view's request (ecaLens/inventory), as the client sends it after each inventory
  // change: the server answers it in one piece, so while it builds and writes it nothing else runs.
  const inventoryLat = [];
  let inventoryBytes = 0;
  for (let i = 0; i < 5; i++) {
    const t = now();
    const inv = await conn.sendRequest('ecaLens/inventory');
    inventoryLat.push(now() - t);
    inventoryBytes = Buffer.byteLength(JSON.stringify(inv));
  }
  await sleep(500);
  const rssAfterInventory = rssMb(proc.pid);

  await conn.sendRequest('shutdown');
  await conn.sendNotification('exit');
  await new Promise((r) => proc.once('exit', r));
  conn.dispose();

  const r = {
    initToLastDiagnosticMs: initMs,
    initToReadyMs: readyMs,
    initializeResponseMs: initResponseMs,
    filesWithDiagnostics: filesWithDiags,
    cliColdMs: cliColdMs ?? null,
    ratio: cliColdMs ? initMs / cliColdMs : null,
    editP50Ms: editLat.length ? pct(editLat, 50) : null,
    editP99Ms: editLat.length ? pct(editLat, 99) : null,
    edits: editLat.length,
    completionP50Ms: completionLat.length ? pct(completionLat, 50) : null,
    completionP99Ms: completionLat.length ? pct(completionLat, 99) : null,
    forceIgnoreOneFileMedianMs: fiOne.length ? pct(fiOne, 50) : null,
    forceIgnoreOneFileMaxMs: fiOne.length ? Math.max(...fiOne) : null,
    forceIgnoreOneFileLine: oneLine,
    forceIgnoreFolderMedianMs: fiFolder.length ? pct(fiFolder, 50) : null,
    forceIgnoreFolderMaxMs: fiFolder.length ? Math.max(...fiFolder) : null,
    forceIgnoreFolderLine: fiLine,
    forceIgnoreFolderUpdatedFiles: fiUpdated,
    // Measured in pairs: removing the line (the folder's files go into the build) is the even one.
    forceIgnoreFolderRemoveMedianMs: fiFolder.length ? pct(fiFolder.filter((_, i) => i % 2 === 0), 50) : null,
    forceIgnoreFolderRestoreMedianMs: fiFolder.length > 1 ? pct(fiFolder.filter((_, i) => i % 2 === 1), 50) : null,
    inventoryFirstMs: inventoryLat.length ? inventoryLat[0] : null,
    inventoryMedianMs: inventoryLat.length > 1 ? pct(inventoryLat.slice(1), 50) : null,
    inventoryMb: inventoryBytes / 1048576,
    rssAfterInventoryMb: rssAfterInventory,
    rssMb: rss,
  };
  const f = (x, d = 0) => (x === null || Number.isNaN(x) ? '—' : x.toFixed(d));
  const met = (ok) => (ok ? '(met)' : '(NOT met)');
  out('language server (bundled, over stdio)');
  out(`initialize → last diagnostic         ${f(r.initToLastDiagnosticMs).padStart(6)} ms   ${r.filesWithDiagnostics} files with diagnostics` +
    (r.ratio !== null ? `; ${f(r.ratio, 2)} × the CLI cold check (${f(cliColdMs)} ms), target ≤ ${TARGETS.initRatio} × ${met(r.ratio <= TARGETS.initRatio)}${initRatioNote}` : ''));
  out(`  (initialize answered in ${f(r.initializeResponseMs)} ms; indexing starts on initialized)`);
  out(`didChange → publishDiagnostics       p50 ${f(r.editP50Ms, 2)} ms, p99 ${f(r.editP99Ms, 2)} ms over ${r.edits} edits, target p99 ≤ ${TARGETS.editP99Ms} ms ${met(r.editP99Ms !== null && r.editP99Ms <= TARGETS.editP99Ms)}`);
  out(`completion on a header (after <)    p50 ${f(r.completionP50Ms, 2)} ms, p99 ${f(r.completionP99Ms, 2)} ms over ${completionLat.length} requests, target p50 < ${TARGETS.completionMs} ms ${met(r.completionP50Ms !== null && r.completionP50Ms < TARGETS.completionMs)}`);
  out(`.forceignore edit, one file         median ${f(r.forceIgnoreOneFileMedianMs)} ms, max ${f(r.forceIgnoreOneFileMaxMs)} ms (adding/removing "${oneLine}"), target ≤ ${TARGETS.forceIgnoreMs} ms ${met(r.forceIgnoreOneFileMaxMs !== null && r.forceIgnoreOneFileMaxMs <= TARGETS.forceIgnoreMs)}`);
  out(`.forceignore edit, whole folder      median ${f(r.forceIgnoreFolderMedianMs)} ms, max ${f(r.forceIgnoreFolderMaxMs)} ms (removing/restoring "${fiLine}": ${fiUpdated} files change), target ≤ ${TARGETS.forceIgnoreMs} ms ${met(r.forceIgnoreFolderMaxMs !== null && r.forceIgnoreFolderMaxMs <= TARGETS.forceIgnoreMs)}`);
  out(`  removing the line: median ${f(r.forceIgnoreFolderRemoveMedianMs)} ms; restoring it: median ${f(r.forceIgnoreFolderRestoreMedianMs)} ms`);
  out(`ecaLens/inventory (the tree's request) first ${f(r.inventoryFirstMs)} ms, then median ${f(r.inventoryMedianMs)} ms; ${f(r.inventoryMb, 1)} MB of JSON; server RSS after it ${f(r.rssAfterInventoryMb)} MB (no target; the server answers nothing else meanwhile)`);
  out(`server RSS after indexing             ${f(r.rssMb).padStart(6)} MB, target ≤ ${TARGETS.rssMb} MB ${met(r.rssMb <= TARGETS.rssMb)}`);
  return r;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node bench/lsp.mjs <projectDir> [cliColdMs]');
    process.exit(2);
  }
  await benchLsp({ root: dir, cliColdMs: process.argv[3] ? Number(process.argv[3]) : undefined });
}
