// The plugin's page, for users with `plugin::approval-workflow.read` (Redactor, Gerente).
import { Page } from '@strapi/strapi/admin';
import { PERMISSIONS } from '../pluginId';
import Inbox from './Inbox';

const App = () => (
  <Page.Protect permissions={PERMISSIONS.read}>
    <Inbox />
  </Page.Protect>
);

export default App;
