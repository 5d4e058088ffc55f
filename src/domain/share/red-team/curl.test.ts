/**
 * Red team, curl replay: each command the app prints is run by a real shell (bash, and dash as a plain POSIX sh)
 * against a loopback listener. The body arrives byte for byte whatever it holds, no local file is read, an endpoint
 * with glob characters sends one request, a `~/.curlrc` changes nothing. Needs `curl` and `base64` on the machine
 * (`.ci/run` installs curl): a missing one fails these tests, it does not skip them.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readFixture } from '../../test-support/fixtures';
import { CURL_BODY_DELIMITER, toCurlCommand } from '../curl';

interface Received {
  readonly method: string | undefined;
  readonly url: string | undefined;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

let server: Server;
let base: string;
let received: Received[] = [];
const home = mkdtempSync(join(tmpdir(), 'ci-curl-home-'));

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks) });
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // A ~/.curlrc that would add a header and upload a local file: `-q` must keep it out.
  writeFileSync(join(home, '.curlrc'), 'header = "X-From-Curlrc: yes"\ndata-binary = "@/etc/hostname"\n');
});

afterAll(() => {
  server.close();
  rmSync(home, { recursive: true, force: true });
});

beforeEach(() => {
  received = [];
});

/** Runs the command as a saved script would be run (`bash replay.sh`); a paste runs the same text. */
let scripts = 0;
function run(shell: 'bash' | 'sh', command: string): Promise<string> {
  const file = join(home, `replay-${++scripts}.sh`);
  writeFileSync(file, command);
  return new Promise((resolve, reject) => {
    execFile(
      shell,
      [file],
      { timeout: 50_000, maxBuffer: 1 << 20, env: { PATH: process.env.PATH, HOME: home } },
      (err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout)),
    );
  });
}

function command(endpoint: string, body: string | Uint8Array, type = 'application/xml'): string {
  const result = toCurlCommand(endpoint, body, type);
  if (!result.ok) throw new Error(result.error);
  return result.command;
}

const bytes = (s: string) => Buffer.from(s, 'utf8');
const allBytes = Uint8Array.from({ length: 256 }, (_, i) => i);

const BODIES: readonly (readonly [string, string | Uint8Array])[] = [
  ['a fixture, XML', readFixture('seed/case2-workflow.xml')],
  ['a body starting with @ (curl would upload that file)', '@/etc/hostname'],
  ['a body starting with @- and <', '@-<Response/>'],
  ['quotes, $( ), backticks, $HOME', `it's $(touch /tmp/ci-curl-pwned) \`id\` $HOME "x" '\\'' \\`],
  ['the here-document delimiter itself', `${CURL_BODY_DELIMITER}\n${CURL_BODY_DELIMITER}\nEOF\n`],
  ['CR, CRLF, LF and a trailing new line', '<a>\r\n<b>\r</b>\n</a>\n'],
  ['NUL bytes', 'before\u0000after\u0000'],
  ['every byte value 0–255 (not UTF-8)', allBytes],
  ['CJK and emoji', '数据万象 🙂 鹿皮.jpg'],
  ['an empty body', ''],
  ['a glob-looking body', '[1-3] {a,b} * ? ~'],
  ['300 KiB (over the 128 KiB single-argument limit)', 'x'.repeat(300 * 1024)],
];

describe('red team: curl replay (run against a loopback listener)', () => {
  for (const shell of ['bash', 'sh'] as const) {
    for (const [name, body] of BODIES) {
      it(`${shell}: ${name} arrives byte for byte`, async () => {
        await run(shell, command(`${base}/callback?x=1&y=2`, body));
        expect(received).toHaveLength(1);
        const r = received[0]!;
        expect(r.method).toBe('POST');
        expect(r.url).toBe('/callback?x=1&y=2');
        expect(r.headers['content-type']).toBe('application/xml');
        expect(r.headers['x-from-curlrc']).toBeUndefined();
        expect(r.body.equals(typeof body === 'string' ? bytes(body) : Buffer.from(body))).toBe(true);
        expect(existsSync('/tmp/ci-curl-pwned')).toBe(false);
      });
    }
  }

  it('a 16 MB body (the largest payload the app accepts) arrives whole', { timeout: 120_000 }, async () => {
    const line = `<Line>${'0123456789abcdef'.repeat(4)}</Line>\r\n`;
    const body = line.repeat(Math.floor((16 * 1024 * 1024) / line.length));
    await run('bash', command(`${base}/big`, body, 'application/json'));
    expect(received).toHaveLength(1);
    expect(received[0]!.headers['content-type']).toBe('application/json');
    expect(received[0]!.body.equals(bytes(body))).toBe(true);
  });

  it('an endpoint with [1-3] and {a,b} sends one request to that very address (--globoff)', async () => {
    await run('bash', command(`${base}/hook?range=[1-3]&set={a,b}`, '<x/>'));
    expect(received).toHaveLength(1);
    expect(received[0]!.url).toBe('/hook?range=[1-3]&set={a,b}');
  });

  it('an endpoint with quotes and ; stays one argument (no command runs)', async () => {
    await run('bash', command(`${base}/q?a=';touch /tmp/ci-curl-pwned;'&b="$(id)"`, '<x/>'));
    expect(received).toHaveLength(1);
    expect(received[0]!.url).toBe('/q?a=%27;touch%20/tmp/ci-curl-pwned;%27&b=%22$(id)%22');
    expect(existsSync('/tmp/ci-curl-pwned')).toBe(false);
  });

  it('refuses endpoints that are not http(s), and the command never holds the body as an argument', () => {
    for (const bad of ['javascript:alert(1)', 'file:///etc/passwd', 'ftp://x/', '-o /tmp/x', '', 'http://']) {
      expect(toCurlCommand(bad, 'x', 'application/xml'), bad).toEqual({
        ok: false,
        error: 'endpoint-invalid',
      });
    }
    const c = command(`${base}/`, '@/etc/passwd');
    expect(c).not.toContain('@/etc/passwd');
    expect(c).toContain('--data-binary @-');
    expect(c).toContain('--globoff');
    expect(c.startsWith(`base64 -d <<'${CURL_BODY_DELIMITER}' | curl -q `)).toBe(true);
  });
});
