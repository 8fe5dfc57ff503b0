// Strapi's logger (winston), its level from LOG_LEVEL (the tests use "error"). LOG_FORMAT=json
// writes one JSON object per line (timestamp, level, message and the request fields of
// src/middlewares/request-log.ts), for journald, Loki or any log collector; otherwise
// Strapi's own coloured lines.
import { winston } from '@strapi/logger';

const json = process.env.LOG_FORMAT === 'json';

export default {
  level: process.env.LOG_LEVEL ?? 'http',
  ...(json ? { format: winston.format.combine(winston.format.timestamp(), winston.format.errors({ stack: true }), winston.format.json()) } : {}),
};
