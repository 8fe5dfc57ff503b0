import NodeEnvironment from 'jest-environment-node';
import { getTestRun } from './strapi-instance';

/** Node environment that hands every test file the run's Strapi instance (`strapi`) and SMTP mailbox (`mailbox`). */
export default class StrapiEnvironment extends NodeEnvironment {
  async setup() {
    await super.setup();
    const run = await getTestRun();
    this.global.strapi = run.strapi;
    this.global.mailbox = run.mailbox;
  }
}
