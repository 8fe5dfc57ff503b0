'use strict';
// 100,000 archive items written straight into the tables (the document service
// would take an hour here): Spanish words in the texts, random perceptual hashes,
// a quarter private. Then the search index of src/archive/search.ts, in bulk.
const WORDS = `río puente frontera plaza feria binacional alcalde regidor ceremonia bandera procesión escolares desfile
  mercado agua sequía bofedal cisterna comunidad aymara obra pistas veredas inauguración vista aérea dron templo misa
  autoridades policía ejército migraciones complejo reunión coordinación prensa diario radio entrevista programa
  municipalidad provincia distrito villa tarucani chiluyo caplina tacna santa rosa nueva esperanza barrio avenida
  bolognesi historia archivo fotografía donación salud vacunación campaña educación colegio deporte estadio festival
  danza música carnaval cosecha ganadería alpaca llama vicuña lluvia helada nevada carretera transporte comercio`.split(/\s+/).filter(Boolean);

async function seedItems(strapi, count) {
  const knex = strapi.db.connection;
  const table = strapi.db.metadata.get('api::media-archive-item.media-archive-item').tableName;
  const pg = strapi.db.dialect.client === 'postgres';
  if (!pg) throw new Error('The 100,000-item dataset is written with PostgreSQL SQL: run with DATABASE_CLIENT=postgres.');
  const word = (k) => `(w.v)[1 + abs(hashtext(g::text || '${k}')) % array_length(w.v, 1)]`;
  await knex.raw(
    `INSERT INTO ${table} (document_id, kind, title, description, credit, place, tags, is_public, rights, sha_256, perceptual_hash, captured_at, created_at, updated_at, published_at)
     SELECT 'bench' || g,
       (ARRAY['photo','photo','photo','audio','press-clipping','document'])[1 + g % 6],
       initcap(${word('a')}) || ' ' || ${word('b')} || ' en ' || ${word('c')} || ' ' || g,
       ${word('d')} || ' ' || ${word('e')} || ' ' || ${word('f')} || ' ' || ${word('g')} || ' ' || ${word('h')},
       'Gerencia de Comunicaciones',
       initcap(${word('i')}),
       jsonb_build_array(${word('j')}, ${word('k')}),
       g % 4 <> 0,
       'own',
       md5(g::text) || md5('x' || g),
       lpad(to_hex((random() * 4294967295)::bigint), 8, '0') || lpad(to_hex((random() * 4294967295)::bigint), 8, '0'),
       timestamptz '2020-01-01' + (g % 2190) * interval '1 day',
       now(), now(), now()
     FROM generate_series(1, ?) g, (SELECT ARRAY[${WORDS.map((w) => `'${w}'`).join(',')}]::text[] AS v) w`,
    [count]
  );
  // The index rows, as indexItem writes them, in one statement.
  await knex.raw(
    `INSERT INTO media_archive_search (item_id, kind, is_public, captured_at, ceremony, tags, document)
     SELECT id, kind, is_public, captured_at, NULL, ARRAY(SELECT lower(jsonb_array_elements_text(tags))),
       setweight(to_tsvector('spanish', archive_fold(title)), 'A') ||
       setweight(to_tsvector('spanish', archive_fold(array_to_string(ARRAY(SELECT jsonb_array_elements_text(tags)), ', '))), 'B') ||
       setweight(to_tsvector('spanish', archive_fold(description)), 'C') ||
       setweight(to_tsvector('spanish', archive_fold(coalesce(credit, '') || ' ' || coalesce(place, ''))), 'D')
     FROM ${table} WHERE document_id LIKE 'bench%'`
  );
  // As autovacuum leaves a table after a bulk load: statistics and the visibility map.
  await knex.raw(`VACUUM ANALYZE ${table}, media_archive_search`);
}

module.exports = { seedItems, WORDS };
