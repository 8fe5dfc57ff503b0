// docs/DEPLOYMENT.md stays true: every command it shows is one a test runs (and that test
// is named here and checked to run it), the systemd unit runs what the instance tests
// start, the nginx configuration agrees with the proxy and upload settings, and every
// variable it lists is read by the code.
import fs from 'fs';
import path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const doc = read('docs/DEPLOYMENT.md');

const blocks = (language: string) => [...doc.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]);

/** Each command the page may show, the file that runs it, and how that file runs it. */
const RUN_BY: Array<{ command: RegExp; file: string; runs: string }> = [
  { command: /^npm ci$/, file: '.ci/run', runs: 'npm ci --no-audit --no-fund' },
  // `npm run build` is scripts/build.js (strapi build with NODE_ENV=production), what the browser tests build with.
  { command: /^npm run build$/, file: 'package.json', runs: '"build": "node scripts/build.js"' },
  { command: /^npm run build$/, file: 'package.json', runs: '"test:e2e": "node scripts/build.js && ' },
  { command: /^npm run build$/, file: 'scripts/build.js', runs: "[bin, 'build'" },
  { command: /^npm run tokens$/, file: 'tests/operations/backup-restore.test.ts', runs: "npmRun('tokens', []" },
  { command: /^npm run backup -- --out \/\S+$/, file: 'tests/operations/backup-restore.test.ts', runs: "npmRun('backup', ['--out'" },
  { command: /^npm run restore -- --from \/\S+$/, file: 'tests/operations/backup-restore.test.ts', runs: "npmRun('restore', ['--from'" },
  { command: /^npm run restore -- --from \/\S+ --replace$/, file: 'tests/operations/backup-restore.test.ts', runs: "npmRun('restore', ['--from', backupDir(), '--replace']" },
  { command: /^npm run audit:verify$/, file: 'tests/operations/backup-restore.test.ts', runs: "npmRun('audit:verify', []" },
];

const commands = blocks('bash').flatMap((block) =>
  block
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
);

const unit = Object.fromEntries(
  blocks('ini')[0]
    .split('\n')
    .filter((line) => /^[A-Za-z]+=/.test(line))
    .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)])
) as Record<string, string>;
const unitLines = blocks('ini')[0].split('\n');
const nginx = blocks('nginx')[0];

/** The variables of the environment table (first column). */
const documentedVariables = [...doc.slice(doc.indexOf('| Variable |'), doc.indexOf('Generate each secret')).matchAll(/^\| ([^|]+)\|/gm)]
  .flatMap((m) => [...m[1].matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((v) => v[1]));

const sources = ['config', 'src', 'scripts']
  .flatMap(function walk(dir: string): string[] {
    return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(path.join(dir, entry.name)) : /\.(ts|js)$/.test(entry.name) ? [path.join(dir, entry.name)] : []
    );
  })
  .map(read)
  .join('\n');

describe('docs/DEPLOYMENT.md', () => {
  it('shows only commands that a test or CI runs', () => {
    expect(commands.length).toBeGreaterThanOrEqual(8);
    const unknown = commands.filter((command) => !RUN_BY.some((r) => r.command.test(command)));
    expect(unknown).toEqual([]);
    for (const { file, runs } of RUN_BY) expect({ file, runs: read(file).includes(runs) }).toEqual({ file, runs: true });
  });

  it('gives a systemd unit that runs what the instance tests start, stopping gracefully in time', () => {
    expect(unit.ExecStart).toBe(`${unit.WorkingDirectory}/node_modules/.bin/strapi start`);
    expect(read('tests/helpers/strapi-process.ts')).toMatch(/'node_modules', '\.bin', 'strapi'\)[\s\S]*spawn\(STRAPI, \['start'\]/);
    expect(unit.EnvironmentFile).toBe(`${unit.WorkingDirectory}/.env`);
    expect(unitLines).toEqual(expect.arrayContaining(['Environment=PORT=%i', 'KillSignal=SIGTERM', 'Restart=on-failure']));
    const shutdownDefault = Number(/env\.int\('SHUTDOWN_TIMEOUT_MS', ([\d_]+)\)/.exec(read('config/server.ts'))![1].replace(/_/g, ''));
    const documented = Number(/\| `SHUTDOWN_TIMEOUT_MS` \| `(\d+)`/.exec(doc)![1]);
    expect(Number(unit.TimeoutStopSec) * 1000).toBeGreaterThan(Math.max(shutdownDefault, documented) + 2_000);
    for (const port of [...nginx.matchAll(/server 127\.0\.0\.1:(\d+)/g)].map((m) => m[1])) expect(doc).toContain(`comunicaciones@${port}`);
  });

  it('gives an nginx configuration that matches the proxy, upload and log settings', () => {
    const uploadLimit = eval(/sizeLimit: env\.int\('UPLOAD_SIZE_LIMIT', ([^)]+)\)/.exec(read('config/plugins.ts'))![1]) as number;
    const bodyMb = Number(/client_max_body_size (\d+)m;/.exec(nginx)![1]);
    expect(bodyMb * 1024 * 1024).toBeGreaterThanOrEqual(uploadLimit);
    expect(Number(/\| `UPLOAD_SIZE_LIMIT` \| `(\d+)`/.exec(doc)![1])).toBeLessThanOrEqual(bodyMb * 1024 * 1024);
    // One proxy appending one address: the documented PROXY_TRUSTED_HOPS.
    expect(nginx).toContain('proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;');
    expect(/\| `PROXY_TRUSTED_HOPS` \| `(\d+)`/.exec(doc)![1]).toBe('1');
    expect(read('config/server.ts')).toMatch(/proxy: \{ koa: trustedHops > 0, maxIpsCount: trustedHops \}/);
    expect(nginx).toContain('proxy_set_header X-Forwarded-Proto $scheme;');
    expect(nginx).toContain('proxy_set_header X-Request-Id $request_id;');
    expect(read('src/middlewares/request-log.ts')).toContain("ctx.get('X-Request-Id')");
    expect(nginx).toMatch(/proxy_next_upstream error timeout http_502 http_503;/);
    expect(nginx).toMatch(/listen 443 ssl;[\s\S]*ssl_certificate /);
    expect(nginx).toMatch(/keepalive \d+;[\s\S]*proxy_http_version 1\.1;[\s\S]*proxy_set_header Connection "";/);
  });

  it('lists only variables the code reads, and every secret Strapi needs', () => {
    expect(documentedVariables.length).toBeGreaterThan(25);
    const unread = documentedVariables.filter((name) => name !== 'NODE_ENV' && !new RegExp(`['"\`.]${name}(?![A-Z0-9_])`).test(sources));
    expect(unread).toEqual([]);
    expect(documentedVariables).toEqual(expect.arrayContaining(['APP_KEYS', 'API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET', 'ENCRYPTION_KEY']));
  });

  it('names the log fields the request log writes', () => {
    const source = read('src/middlewares/request-log.ts');
    for (const field of ['method', 'path', 'status', 'durationMs', 'ip', 'requestId']) {
      expect(doc).toContain(`\`${field}\``);
      expect(source).toMatch(new RegExp(`\\b${field}\\b`));
    }
  });
});
