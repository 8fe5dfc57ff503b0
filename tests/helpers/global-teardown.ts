import { dropTestDatabase } from './test-database';
import { destroyStrapi } from './strapi-instance';

export default async function globalTeardown() {
  await destroyStrapi();
  await dropTestDatabase();
}
