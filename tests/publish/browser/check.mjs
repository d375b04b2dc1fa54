// The published site looked at in the system's Chromium, as tests/publish/accessibility.rs asks:
// axe-core's WCAG 2.1 A and AA rules (and its best practices) on every page at a desktop and a phone
// width, the keyboard's first stops (the skip link, then every link, each with a visible focus),
// and every request the page made (nothing may come from outside the site).
//
// node check.mjs CHROMIUM PROFILE_DIR PAGE.html... → one JSON array on standard output.
//
// Chromium is driven over its DevTools protocol on a pipe (--remote-debugging-pipe: fd 3 in, fd 4
// out, messages ending in a NUL byte), so that no browser is downloaded and no port is opened.

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const [chromium, profile, ...pages] = process.argv.slice(2);
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WIDTHS = [
  { name: 'desktop', width: 1280, height: 900, mobile: false },
  { name: 'phone', width: 390, height: 844, mobile: true },
];

const browser = spawn(chromium, [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  `--user-data-dir=${profile}`, '--remote-debugging-pipe', 'about:blank',
], { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
const toBrowser = browser.stdio[3];
const fromBrowser = browser.stdio[4];

let nextId = 1;
const waiting = new Map();
const listeners = [];
let pending = Buffer.alloc(0);
fromBrowser.on('data', (chunk) => {
  pending = Buffer.concat([pending, chunk]);
  let end;
  while ((end = pending.indexOf(0)) >= 0) {
    const message = JSON.parse(pending.subarray(0, end).toString('utf8'));
    pending = pending.subarray(end + 1);
    if (message.id && waiting.has(message.id)) {
      const { resolve, reject } = waiting.get(message.id);
      waiting.delete(message.id);
      if (message.error) reject(new Error(JSON.stringify(message.error)));
      else resolve(message.result);
    } else if (message.method) {
      for (const listener of [...listeners]) listener(message);
    }
  }
});

function send(method, params = {}, sessionId) {
  const id = nextId++;
  const message = { id, method, params };
  if (sessionId) message.sessionId = sessionId;
  toBrowser.write(JSON.stringify(message) + '\0');
  return new Promise((resolve, reject) => waiting.set(id, { resolve, reject }));
}

function once(method, sessionId, timeout = 30000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${method} within ${timeout} ms`)), timeout);
    const listener = (message) => {
      if (message.method === method && message.sessionId === sessionId) {
        listeners.splice(listeners.indexOf(listener), 1);
        clearTimeout(timer);
        resolve(message.params);
      }
    };
    listeners.push(listener);
  });
}

async function evaluate(session, expression) {
  const { result, exceptionDetails } = await send('Runtime.evaluate',
    { expression, awaitPromise: true, returnByValue: true }, session);
  if (exceptionDetails) throw new Error(JSON.stringify(exceptionDetails));
  return result.value;
}

// What has the keyboard's focus, and whether a person can see it: an outline or a background of
// its own, inside the window.
const FOCUSED = `(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  return {
    tag: el.tagName.toLowerCase(), text: (el.innerText || el.getAttribute('aria-label') || '').trim().slice(0, 60),
    href: el.getAttribute('href'), outline: style.outlineStyle + ' ' + style.outlineWidth,
    background: style.backgroundColor, shown: box.width > 1 && box.height > 1 && box.bottom > 0 && box.top < innerHeight,
  };
})()`;

async function press(session, key, code, keyCode) {
  for (const type of ['keyDown', 'keyUp']) {
    await send('Input.dispatchKeyEvent', { type, key, code, windowsVirtualKeyCode: keyCode }, session);
  }
}

async function look(session, page, size) {
  await send('Emulation.setDeviceMetricsOverride',
    { width: size.width, height: size.height, deviceScaleFactor: 1, mobile: size.mobile }, session);
  const requests = [];
  const listener = (message) => {
    if (message.sessionId === session && message.method === 'Network.requestWillBeSent') {
      requests.push(message.params.request.url);
    }
  };
  listeners.push(listener);
  const loaded = once('Page.loadEventFired', session);
  await send('Page.navigate', { url: pathToFileURL(page).href }, session);
  await loaded;
  listeners.splice(listeners.indexOf(listener), 1);
  await evaluate(session, axeSource);
  const violations = await evaluate(session, `axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    }).then(r => r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map(n => ({ target: n.target.join(' '), html: n.html.slice(0, 200), summary: n.failureSummary })) })))`);
  const links = await evaluate(session, `document.querySelectorAll('a[href], [tabindex="0"]').length`);
  const focus = [];
  for (let i = 0; i < links; i++) {
    await press(session, 'Tab', 'Tab', 9);
    focus.push(await evaluate(session, FOCUSED));
  }
  // The skip link takes the keyboard to the content: Tab from the top, then Enter.
  const reloaded = once('Page.loadEventFired', session);
  await send('Page.reload', {}, session);
  await reloaded;
  await press(session, 'Tab', 'Tab', 9);
  await press(session, 'Enter', 'Enter', 13);
  const skipped = await evaluate(session, `document.activeElement && document.activeElement.id`);
  return { page, size: size.name, violations, requests, focus, skipped };
}

const timer = setTimeout(() => { console.error('the check took too long'); process.exit(2); }, 300000);
try {
  const { targetId } = await send('Target.createTarget', { url: 'about:blank' });
  const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
  for (const domain of ['Page', 'Network', 'Runtime']) await send(`${domain}.enable`, {}, sessionId);
  const results = [];
  for (const page of pages) {
    for (const size of WIDTHS) results.push(await look(sessionId, page, size));
  }
  process.stdout.write(JSON.stringify(results));
  await send('Browser.close').catch(() => {});
} catch (error) {
  console.error(error.stack || String(error));
  process.exitCode = 1;
} finally {
  clearTimeout(timer);
  browser.kill();
}
