'use strict';
// The publication requests' timelines now live in the shared audit trail (one hash
// chain per request). The rows of the old, unchained timeline (content type
// `request-event`, gone) would be dropped by Strapi's schema sync; this keeps them,
// untouched, in a table Strapi does not manage: `diario_oficial_request_events_legacy`
// (request_id, action, from_state, to_state, actor_id, actor_name, details, created_at).
// Idempotent: does nothing on a fresh database or once the table was renamed.

const OLD = 'diario_oficial_request_events';
const LEGACY = 'diario_oficial_request_events_legacy';

module.exports = {
  async up(knex) {
    if (!(await knex.schema.hasTable(OLD)) || (await knex.schema.hasTable(LEGACY))) return;
    await knex.schema.renameTable(OLD, LEGACY);
  },
  async down() {},
};
