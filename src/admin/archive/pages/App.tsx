// The archive's page, for users who may create archive items in the content manager (Archivo, the Gerente).
import { Page } from '@strapi/strapi/admin';
import { PERMISSIONS } from '../pluginId';
import { ImportPage } from './ImportPage';

const App = () => (
  <Page.Protect permissions={PERMISSIONS.create}>
    <ImportPage />
  </Page.Protect>
);

export default App;
