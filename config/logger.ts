// Strapi's default logger, with its level from LOG_LEVEL (the tests use "error").
export default {
  level: process.env.LOG_LEVEL ?? 'http',
};
