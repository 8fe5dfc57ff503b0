import NodeEnvironment from 'jest-environment-node';
import { getStrapiInstance } from './strapi-instance';

/** Node environment that hands every test file the run's Strapi instance as `strapi`. */
export default class StrapiEnvironment extends NodeEnvironment {
  async setup() {
    await super.setup();
    this.global.strapi = await getStrapiInstance();
  }
}
