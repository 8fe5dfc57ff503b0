'use strict';
// Baseline for bench/delivery/run.js: plain Node `http` answering every request with the same
// status, headers and bytes (read from the JSON file given as argv[2]), as the 36,000 req/s figure.
const http = require('http');
const fs = require('fs');

const { status, headers, body } = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const bytes = Buffer.from(body, 'base64');
http
  .createServer((req, res) => {
    res.writeHead(status, headers);
    res.end(bytes);
  })
  .listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'));
