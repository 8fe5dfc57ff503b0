// Changing the configuration in a test: every test file of a run shares one Strapi (and so one
// configuration), so a change is undone in a `finally`, back to exactly what was there before.
import { app } from './app';

/** Runs `run` with the given configuration paths set (e.g. `{ 'server.url': '' }`), then puts every one back. */
export async function withConfig<T>(values: Record<string, unknown>, run: () => Promise<T>): Promise<T> {
  const config = app().config;
  const saved = Object.keys(values).map((path) => ({ path, value: config.get(path) }));
  for (const [path, value] of Object.entries(values)) config.set(path, value);
  try {
    return await run();
  } finally {
    for (const { path, value } of saved) config.set(path, value);
  }
}
