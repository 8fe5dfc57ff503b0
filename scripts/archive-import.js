#!/usr/bin/env node
'use strict';
// npm run archive:import -- <folder> [--kind photo] [--ceremony <documentId>] [--tags a,b] [--credit "…"] [--public] [--concurrency N]
// Imports a folder into the media archive with a progress bar; re-run it to finish an interrupted import.
const path = require('path');
const cliProgress = require('cli-progress');
const { withStrapi, fromDist } = require('./load-strapi');

const USAGE = 'Uso: npm run archive:import -- <carpeta> [--kind photo|audio|video|press-clipping|document] [--ceremony <documentId>] [--tags a,b] [--credit "…"] [--public] [--concurrency N]';

function parseArgs(argv) {
  const options = { isPublic: false };
  const valueOf = (i, name) => {
    if (argv[i + 1] === undefined || argv[i + 1].startsWith('--')) throw new Error(`Falta el valor de ${name}.`);
    return argv[i + 1];
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--public') options.isPublic = true;
    else if (arg === '--kind') options.kind = valueOf(i++, arg);
    else if (arg === '--ceremony') options.ceremony = valueOf(i++, arg);
    else if (arg === '--credit') options.credit = valueOf(i++, arg);
    else if (arg === '--tags') options.tags = valueOf(i++, arg).split(',').map((t) => t.trim()).filter(Boolean);
    else if (arg === '--concurrency') options.concurrency = Number(valueOf(i++, arg));
    else if (arg.startsWith('--')) throw new Error(`Opción desconocida: ${arg}`);
    else if (!options.folder) options.folder = path.resolve(arg);
    else throw new Error(`Argumento de más: ${arg}`);
  }
  if (!options.folder) throw new Error('Indique la carpeta a importar.');
  return options;
}

/**
 * Strapi announces each new item (entry.create, with a populated copy) after the
 * commit, without waiting: let those queries finish before the pool is closed.
 */
async function waitForQuietDatabase(strapi, { quietFor = 3, intervalMs = 100, maxMs = 10000 } = {}) {
  const pool = strapi.db.connection.client.pool;
  let quiet = 0;
  for (let waited = 0; quiet < quietFor && waited < maxMs; waited += intervalMs) {
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
    quiet = pool.numUsed() + pool.numPendingAcquires() === 0 ? quiet + 1 : 0;
  }
}

async function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${error.message}\n${USAGE}`);
    process.exit(2);
  }

  const summary = await withStrapi(async (strapi, appContext) => {
    const { runImport } = fromDist(appContext, 'src/archive/import');
    const { assertKind, archiveConfig } = fromDist(appContext, 'src/archive/service');
    if (options.kind) assertKind(options.kind);
    options.concurrency ||= archiveConfig(strapi).importConcurrency;

    const bar = new cliProgress.SingleBar(
      { format: '{bar} {value}/{total} | {rate} archivos/s | ETA {eta_formatted} | {status}', hideCursor: true, etaBuffer: 50 },
      cliProgress.Presets.shades_classic
    );
    const started = Date.now();
    const controller = new AbortController();
    // Ctrl-C: finish the files in progress, print the summary; a re-run continues.
    process.once('SIGINT', () => controller.abort());
    const rate = (done) => (done / Math.max((Date.now() - started) / 1000, 0.001)).toFixed(2);
    let done = 0;
    const result = await runImport(strapi, options, {
      signal: controller.signal,
      onStart: (total) => bar.start(total, 0, { rate: '0.00', status: '' }),
      onFile: (outcome) => {
        done++;
        bar.update(done, { rate: rate(done), status: `${outcome.status}: ${outcome.file}`.slice(0, 60) });
      },
    });
    bar.stop();
    const seconds = (Date.now() - started) / 1000;
    await waitForQuietDatabase(strapi);
    return { ...result, seconds };
  });

  console.log(`\nImportados: ${summary.imported}`);
  console.log(`Duplicados (ya en el archivo, omitidos): ${summary.duplicates}`);
  console.log(`Rechazados: ${summary.refused.length}`);
  for (const refusal of summary.refused) console.log(`  - ${refusal.file}: [${refusal.code}] ${refusal.message}`);
  if (summary.interrupted) console.log('Importación interrumpida: vuelva a ejecutar el comando para completarla.');
  console.log(`Total: ${summary.total} archivos en ${summary.seconds.toFixed(1)} s`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
