'use strict';
// The database part of a backup, through Strapi's data transfer (@strapi/data-transfer,
// what `strapi export` / `strapi import` run), with three differences this project needs:
//  - every content type is carried, admin users, roles, permissions and API tokens included
//    (the CLI leaves out everything under `admin::`, so a restore would lose the accounts and
//    the CIF's token); admin sessions are left out: people log in again after a restore;
//  - ids are kept: Strapi's import gives every row a new id, and here ids are contracts
//    (the CIF feed's cursors are change-log ids, approved content hashes name media files by
//    id, webhook deliveries and the audit trail refer to rows by id);
//  - the unpacked directory format, so that the originals and the other tables sit next to
//    it, and `strapi import -f <backup>/strapi` still reads it in an emergency (ids remapped).
const { engine: transferEngine, strapi: strapiTransfer, directory } = require('@strapi/data-transfer');

/** Content types a backup leaves out (logins are not data worth restoring). */
const EXCLUDED_TYPES = ['admin::session'];

// Where the original id of an entity or component rides through the transfer's streams.
const ORIGINAL_ID = '__backupOriginalId';

const included = (uid) => !EXCLUDED_TYPES.includes(uid);

const transforms = {
  entities: [{ filter: (entity) => included(entity.type) }],
  links: [{ filter: (link) => included(link.left.type) && included(link.right.type) }],
};

/** Runs the engine and collects warnings; missing files are errors (the transfer only warns). */
async function run(engine, label) {
  const warnings = [];
  engine.diagnostics.onDiagnostic(({ kind, details }) => {
    if (kind === 'warning') warnings.push(details.message);
    if (kind === 'error') warnings.push(`[${details.severity ?? 'error'}] ${details.message}`);
  });
  engine.progress.stream.on('stage::finish', ({ stage, data }) => {
    const { count = 0 } = data[stage] ?? {};
    console.log(`  ${label} · ${stage}: ${count}`);
  });
  const results = await engine.transfer();
  const missing = warnings.filter((message) => /no corresponding file was found/.test(message));
  if (missing.length) throw new Error(`Faltan archivos de la biblioteca de medios:\n${missing.join('\n')}`);
  return { results, warnings };
}

/**
 * The same Strapi, whose query builder on the upload plugin's files leaves out those whose
 * url starts with `excludedUrlPrefix`, for the transfer's assets stage only (its entities
 * stage must still carry every file row).
 */
function withoutFiles(strapi, excludedUrlPrefix) {
  const db = new Proxy(strapi.db, {
    get(target, property) {
      const value = Reflect.get(target, property);
      if (property !== 'queryBuilder') return typeof value === 'function' ? value.bind(target) : value;
      return (uid) => {
        const builder = target.queryBuilder(uid);
        return uid === 'plugin::upload.file' ? builder.where({ $not: { url: { $startsWith: excludedUrlPrefix } } }) : builder;
      };
    },
  });
  return new Proxy(strapi, {
    get(target, property) {
      if (property === 'db') return db;
      const value = Reflect.get(target, property);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * Exports the database (and the uploaded files, read where the upload provider keeps them) to
 * `dir`. Files whose url starts with `privateFilesPath` live in the archive's private store,
 * which the backup copies itself: the transfer would look for them in public/ (or fetch a
 * relative url) and fail.
 */
async function exportDatabase(strapi, dir, { privateFilesPath } = {}) {
  const source = strapiTransfer.providers.createLocalStrapiSourceProvider({ getStrapi: async () => strapi, autoDestroy: false });
  if (privateFilesPath) {
    // The assets stream and its progress estimate: both read the files when called or streamed.
    for (const method of ['createAssetsReadStream', 'getStageTotals']) {
      const own = source[method];
      source[method] = function publicAssetsOnly(...args) {
        const real = this.strapi;
        this.strapi = withoutFiles(real, privateFilesPath);
        try {
          return own.apply(this, args);
        } finally {
          this.strapi = real;
        }
      };
    }
  }
  const destination = directory.providers.createLocalDirectoryDestinationProvider({ directory: { path: dir }, file: {} });
  const engine = transferEngine.createTransferEngine(source, destination, {
    versionStrategy: 'ignore',
    schemaStrategy: 'ignore',
    transforms,
  });
  return run(engine, 'respaldo');
}

/** The original id on every component of `data` (recursively), so that the import can keep it. */
function markComponents(strapi, uid, data) {
  const model = strapi.getModel(uid);
  for (const [name, attribute] of Object.entries(model?.attributes ?? {})) {
    const value = data?.[name];
    if (value == null) continue;
    if (attribute.type === 'component') {
      for (const item of Array.isArray(value) ? value : [value]) {
        if (item && typeof item === 'object') {
          if (item.id !== undefined) item[ORIGINAL_ID] = item.id;
          markComponents(strapi, attribute.component, item);
        }
      }
    } else if (attribute.type === 'dynamiczone' && Array.isArray(value)) {
      for (const item of value) {
        if (item?.id !== undefined) item[ORIGINAL_ID] = item.id;
        if (item?.__component) markComponents(strapi, item.__component, item);
      }
    }
  }
  return data;
}

/**
 * While the import runs, `create` keeps the id the transfer carried (Strapi's import drops
 * it): an entity's own id comes from the entity the write stream is writing (writes are
 * one at a time; the first create of that type within a write is the entity, its components
 * being of component types), a component's from the mark `markComponents` left on it (the
 * engine keeps only schema attributes at an entity's top level, nested values stay).
 * Returns the function that puts everything back.
 */
function keepOriginalIds(strapi, destination) {
  let writing = null;
  const createEntitiesWriteStream = destination.createEntitiesWriteStream.bind(destination);
  destination.createEntitiesWriteStream = (...args) => {
    const stream = createEntitiesWriteStream(...args);
    const write = stream._write.bind(stream);
    stream._write = (entity, encoding, callback) => {
      writing = { type: entity.type, id: entity.id, used: false };
      write(entity, encoding, (error) => {
        writing = null;
        callback(error);
      });
    };
    return stream;
  };
  const db = strapi.db;
  const query = db.query;
  db.query = function keepingIds(uid) {
    const repository = query.call(db, uid);
    return new Proxy(repository, {
      get(target, property, receiver) {
        if (property !== 'create') return Reflect.get(target, property, receiver);
        return (params = {}) => {
          const { [ORIGINAL_ID]: marked, ...data } = params.data ?? {};
          let id = marked;
          if (id === undefined && writing && !writing.used && writing.type === uid) {
            id = writing.id;
            writing.used = true;
          }
          return target.create({ ...params, data: id === undefined ? data : { ...data, id } });
        };
      },
    });
  };
  return () => {
    db.query = query;
  };
}

/**
 * Replaces every row of the content types, the links, the core store, the webhooks and
 * (local provider) the uploaded files with those of the export in `dir`, ids included, in
 * one transaction. The schemas must be the same (same version of the application).
 */
async function importDatabase(strapi, dir) {
  const source = directory.providers.createLocalDirectorySourceProvider({ directory: { path: dir } });
  const destination = strapiTransfer.providers.createLocalStrapiDestinationProvider({
    getStrapi: async () => strapi,
    autoDestroy: false,
    strategy: 'restore',
    // Sessions are cleared too: the accounts they belonged to are the backup's now.
    restore: { assets: true, entities: { exclude: [] }, configuration: { coreStore: true, webhook: true } },
  });
  const engine = transferEngine.createTransferEngine(source, destination, {
    versionStrategy: 'ignore',
    schemaStrategy: 'strict',
    transforms: {
      ...transforms,
      entities: [
        ...transforms.entities,
        { map: (entity) => ({ ...entity, data: markComponents(strapi, entity.type, entity.data) }) },
      ],
    },
  });
  const restoreQuery = keepOriginalIds(strapi, destination);
  try {
    return await run(engine, 'restauración');
  } finally {
    restoreQuery();
  }
}

module.exports = { exportDatabase, importDatabase, EXCLUDED_TYPES };
