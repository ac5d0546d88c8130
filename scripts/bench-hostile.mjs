#!/usr/bin/env node
// npm run bench:hostile [-- --check] [--only=TEXT]: hostile and huge inputs through the built CLI, each with the
// outcome it must have and the time and memory it may take on this machine (2 vCPUs). The inputs
// are generated into a temporary directory; each run is one `node bin/feedclean.cjs` process whose
// wall time and peak RSS are measured (scripts/lib/peak-rss.mjs). `--check` exits 1 when a case
// gives the wrong outcome or goes over its bound. The same cases, smaller, are unit tests
// (test/hostile.test.ts), which assert outcomes only: timing belongs here.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'feedclean.cjs');
const probe = join(root, 'scripts', 'lib', 'peak-rss.mjs');
const check = process.argv.includes('--check');
const dir = mkdtempSync(join(tmpdir(), 'feedclean-hostile-'));

const dump = (body) => `<!--1693878424000-->\n[Title](https://www.example.com/a)\n------\n\n${body}`;
const rss = (items) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>https://e.example/</link>${items}</channel></rss>`;

function billionLaughs() {
  const entities = ['<!ENTITY lol0 "lol">'];
  for (let i = 1; i < 10; i++) entities.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
  return `<?xml version="1.0"?><!DOCTYPE rss [${entities.join('')}]>${rss('<item><title>&lol9;</title><link>https://e.example/1</link><description>&lol9;</description></item>').replace(/^<\?xml[^>]*>/, '')}`;
}

/**
 * Each case: the input (written once), the CLI arguments, what must come out, and the bounds.
 * Bounds are about three times what this machine measured (README, "Limits"), so a regression
 * shows and the noise of a shared machine does not.
 */
const ALL_CASES = [
  {
    name: '50 MB item (a dump of 400,000 paragraphs)',
    input: () => dump('<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt.</p>'.repeat(520_000)),
    args: ['-f', 'ndjson'],
    outcome: (r) => r.code === 0 && r.lines === 1,
    seconds: 45,
    peakMb: 3000,
  },
  {
    name: '100,000-deep nesting (<div> never closed)',
    input: () => dump(`${'<div>'.repeat(100_000)}deep text`),
    args: ['-f', 'ndjson'],
    outcome: (r) => r.code === 0 && r.lines === 1 && r.stderr.includes('flattened'),
    seconds: 6,
    peakMb: 600,
  },
  {
    name: '100,000-deep nesting (<b><i> inline, closed)',
    input: () => dump(`<p>${'<b><i>'.repeat(50_000)}x${'</i></b>'.repeat(50_000)}</p>`),
    args: ['-f', 'ndjson'],
    outcome: (r) => r.code === 0 && r.lines === 1,
    seconds: 6,
    peakMb: 600,
  },
  {
    name: 'a million attributes on one element',
    input: () =>
      `<p>before</p><img ${Array.from({ length: 1_000_000 }, (_, i) => `a${i}="v"`).join(' ')} src="https://x.example/i.png"><p>after</p>`,
    args: ['-f', 'ndjson'],
    outcome: (r) => r.code === 0 && r.stdout.includes('https://x.example/i.png'),
    seconds: 8,
    peakMb: 1500,
  },
  {
    name: 'XML entity expansion bomb (billion laughs)',
    input: billionLaughs,
    args: ['-f', 'ndjson'],
    // Not expanded: the reference stays as text (or the feed is refused); never a billion "lol".
    outcome: (r) => r.stdout.length < 10_000,
    seconds: 3,
    peakMb: 200,
  },
  {
    name: 'external entity (file:///etc/passwd)',
    input: () =>
      `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>${rss('<item><title>&x;</title><link>https://e.example/1</link><description>x</description></item>')}`,
    args: ['-f', 'ndjson'],
    outcome: (r) => !r.stdout.includes('root:'),
    seconds: 3,
    peakMb: 200,
  },
  {
    name: '10 MB single line (one paragraph, no line break)',
    input: () => dump(`<p>${'word '.repeat(2_000_000)}</p>`),
    args: ['-f', 'ndjson'],
    outcome: (r) => r.code === 0 && r.lines === 1,
    seconds: 12,
    peakMb: 1200,
  },
  {
    name: 'emphasis with 500,000 punctuation marks at each edge (moved outside it)',
    input: () => dump(`<p>a<b>${'「'.repeat(500_000)}x${'」'.repeat(500_000)}</b>b</p>`),
    args: ['-f', 'ndjson'],
    outcome: (r) => r.code === 0 && r.lines === 1,
    seconds: 10,
    peakMb: 1200,
  },
  {
    name: '1 MB of no-break spaces in one paragraph (kept as they are)',
    input: () => dump(`<p>a${'\u00a0 '.repeat(500_000)}b</p>`),
    args: ['-f', 'ndjson'],
    outcome: (r) => r.code === 0 && r.lines === 1,
    seconds: 10,
    peakMb: 1200,
  },
  {
    name: '10,000 processing instructions in an XML prolog, 10,000 comments after the root',
    input: () =>
      `<?xml version="1.0"?>${'<?a?>'.repeat(10_000)}${rss('<item><title>t</title><link>https://e.example/1</link><description>d</description></item>')}${'<!--a-->'.repeat(10_000)}`,
    args: ['-f', 'ndjson'],
    outcome: (r) => r.code === 0 && r.lines === 1,
    seconds: 5,
    peakMb: 400,
  },
  {
    name: 'an ordered list of 200,000 items, 50,000 one-item lists in a row',
    input: () => dump(`<ol>${'<li>x</li>'.repeat(200_000)}</ol>${'<ol><li>y</li></ol>'.repeat(50_000)}`),
    args: ['-f', 'ndjson'],
    outcome: (r) => r.code === 0 && r.lines === 1,
    seconds: 20,
    peakMb: 1500,
  },
  {
    name: 'a figure of 100,000 images',
    input: () => dump(`<figure>${'<img src="https://x.example/i.png">'.repeat(100_000)}<figcaption>c</figcaption></figure>`),
    args: ['-f', 'ndjson'],
    outcome: (r) => r.code === 0 && r.lines === 1,
    seconds: 20,
    peakMb: 1500,
  },
  {
    name: '40 MB of "*" in one text (each one escaped)',
    input: () => dump(`<p>${'*'.repeat(40 * 2 ** 20)}</p>`),
    args: ['-f', 'ndjson'],
    outcome: (r) => r.code === 0 && r.lines === 1,
    seconds: 40,
    peakMb: 3500,
  },
  {
    name: 'a feed of 100,000 entries, streamed (-f ndjson)',
    input: () =>
      rss(
        Array.from(
          { length: 100_000 },
          (_, i) =>
            `<item><title>Item ${i}</title><link>https://e.example/${i}</link><description>&lt;p&gt;Paragraph ${i} with &lt;b&gt;bold&lt;/b&gt;.&lt;/p&gt;</description></item>`,
        ).join('\n'),
      ),
    args: ['-f', 'ndjson'],
    outcome: (r) => r.code === 0 && r.lines === 100_000,
    seconds: 40,
    peakMb: 700,
  },
  {
    name: 'a rule pattern at the size limits (2,000 characters: `(?:.?.?…){16}`)',
    // It ran 25 s and took 5 GB on this one paragraph; refused at load time now (too many states).
    files: { 'rules.yaml': () => `id: slow\nkind: generic\ndropText:\n  - id: slow\n    pattern: "(?:${'.?'.repeat(990)}){16}"\n` },
    input: () => dump(`<p>${'x'.repeat(1_999)}</p>`),
    args: ['--rules', 'rules.yaml', '-f', 'ndjson'],
    outcome: (r) => r.code === 2 && r.stderr.includes('too costly') && r.lines === 0,
    seconds: 8, // most of it compiling the rules schema's validator, as for any rules file
    peakMb: 300,
  },
  {
    name: 'a YAML rules file of 95,000 distinct keys',
    // Minutes before (the parser's duplicate-key check compares each key with every earlier one).
    files: { 'rules.yaml': () => `id: x\nkind: generic\n${Array.from({ length: 95_000 }, (_, i) => `k${i}: 1`).join('\n')}\n` },
    input: () => dump('<p>x</p>'),
    args: ['--rules', 'rules.yaml', '-f', 'ndjson'],
    outcome: (r) => r.code === 2 && r.stderr.includes('too many keys'),
    seconds: 3,
    peakMb: 300,
  },
  {
    name: 'a YAML rules file of 19,000 distinct keys (under the key limit: parsed, then refused)',
    files: { 'rules.yaml': () => `id: x\nkind: generic\n${Array.from({ length: 19_000 }, (_, i) => `k${i}: 1`).join('\n')}\n` },
    input: () => dump('<p>x</p>'),
    args: ['--rules', 'rules.yaml', '-f', 'ndjson'],
    outcome: (r) => r.code === 2 && r.stderr.includes('unknown field'),
    seconds: 10,
    peakMb: 500,
  },
];

// `-- --only=TEXT`: only the cases whose name contains TEXT.
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const CASES = only ? ALL_CASES.filter((c) => c.name.includes(only)) : ALL_CASES;

function run(file, args) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [probe, bin, ...args, file], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe', 'pipe'] });
    let lines = 0;
    let head = '';
    let stderr = '';
    let report = '';
    child.stdout.on('data', (b) => {
      for (const byte of b) if (byte === 10) lines++;
      if (head.length < 100_000) head += b.toString('utf8');
    });
    child.stderr.on('data', (b) => (stderr += b));
    child.stdio[3].on('data', (b) => (report += b));
    child.on('close', (code) => {
      const peak = report ? JSON.parse(report).maxRssKb / 1024 : NaN;
      resolve({ code, lines, stdout: head, stderr, seconds: (performance.now() - t0) / 1000, peakMb: peak });
    });
  });
}

console.log(
  `feedclean hostile inputs — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.versions.node}\n`,
);
console.log('| case | outcome | wall | peak RSS | bounds |');
console.log('| --- | --- | --- | --- | --- |');
const failures = [];
try {
  for (const c of CASES) {
    const file = join(dir, 'input');
    writeFileSync(file, c.input());
    // Files a case's arguments name (a rules file), written beside the input: the CLI runs in that directory.
    for (const [name, text] of Object.entries(c.files ?? {})) writeFileSync(join(dir, name), text());
    const r = await run(file, c.args);
    rmSync(file);
    for (const name of Object.keys(c.files ?? {})) rmSync(join(dir, name));
    const ok = c.outcome(r);
    const inBounds = r.seconds <= c.seconds && r.peakMb <= c.peakMb;
    if (!ok || !inBounds) failures.push(c.name);
    const said =
      r.stderr
        .trim()
        .split('\n')[0]
        ?.replace(/^feedclean: [^:]*: /, '') ?? '';
    console.log(
      `| ${c.name} | ${ok ? 'as required' : `WRONG (exit ${r.code})`}${said ? `; says "${said.slice(0, 70)}"` : ''} | ${r.seconds.toFixed(1)} s | ${Math.round(r.peakMb)} MB | ≤ ${c.seconds} s, ≤ ${c.peakMb} MB${inBounds ? '' : ': OVER'} |`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (failures.length) console.log(`\nfailed: ${failures.join('; ')}`);
if (check && failures.length) process.exit(1);
