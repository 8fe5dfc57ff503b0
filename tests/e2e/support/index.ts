// The browser-test harness (npm run test:e2e): one built Strapi per test file, a user
// per office role, logged-in Chromium pages with their console errors, screenshots.
//
//   const env = await startServer({ seed: true });
//   const users = await createOfficeUsers(env.strapi);
//   const browser = await launchBrowser();
//   const normas = await loggedIn(browser, env.baseUrl, users.normas);
//   ... assert what the user sees, in Spanish ...
//   expect(normas.errors).toEqual([]);
//   await screenshot(normas.page, 'normas-queue');
export * from './server';
export * from './users';
export * from './browser';
