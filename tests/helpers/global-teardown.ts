import { dropTestDatabase } from './test-database';
import { destroyTestRun } from './strapi-instance';

export default async function globalTeardown() {
  await destroyTestRun();
  await dropTestDatabase();
}
