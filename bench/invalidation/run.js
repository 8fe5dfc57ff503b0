#!/usr/bin/env node
// npm run bench:invalidation (PostgreSQL): how long a publish or delete through
// instance B takes to show in instance A's cached list, with LISTEN/NOTIFY and,
// as the baseline in the same run, with the one-second poll only (CHANGE_NOTIFY=false).
const { spawnSync } = require('child_process');
const path = require('path');

const env = { DATABASE_CLIENT: 'postgres', DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test', ...process.env };
const result = spawnSync('npx', ['jest', '--runInBand', '--config', path.join(__dirname, 'jest.config.js')], { stdio: 'inherit', env, cwd: path.join(__dirname, '..', '..') });
process.exit(result.status ?? 1);
