'use strict';
// The archive's originals store, as a backup sees it: list, read, write. The one place a
// backup touches it, so that pointing backups at another store (a private bucket) changes
// this file only. Today: the local folder of src/archive/originals.ts (ARCHIVE_ORIGINALS_DIR,
// one file per sha256 under its first two hex digits).
const fs = require('fs');
const path = require('path');
const { pipeline } = require('stream/promises');
const { fromDist } = require('../load-strapi');

const SHA256 = /^[0-9a-f]{64}$/;

function originalsStore(strapi, appContext) {
  const { originalsDir } = fromDist(appContext, 'src/archive/originals');
  const root = originalsDir(strapi);
  const pathOf = (sha256) => {
    if (!SHA256.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
    return path.join(root, sha256.slice(0, 2), sha256);
  };
  return {
    where: root,
    /** Every stored original's sha256. */
    async *list() {
      const prefixes = await fs.promises.readdir(root).catch((error) => (error.code === 'ENOENT' ? [] : Promise.reject(error)));
      for (const prefix of prefixes.sort()) {
        if (!/^[0-9a-f]{2}$/.test(prefix)) continue;
        for (const name of (await fs.promises.readdir(path.join(root, prefix))).sort()) if (SHA256.test(name)) yield name;
      }
    },
    read: (sha256) => fs.createReadStream(pathOf(sha256)),
    async write(sha256, stream) {
      const target = pathOf(sha256);
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      await pipeline(stream, fs.createWriteStream(target));
    },
  };
}

module.exports = { originalsStore };
