// The plugin's page, for users with `plugin::cif-sync.read` (the Gerente).
import { Page } from '@strapi/strapi/admin';
import { PERMISSIONS } from '../pluginId';
import { StatusPage } from './StatusPage';

const App = () => (
  <Page.Protect permissions={PERMISSIONS.read}>
    <StatusPage />
  </Page.Protect>
);

export default App;
