// The plugin's pages, for users with `plugin::diario-oficial.read` (Normas, the Gerente).
import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import { PERMISSIONS } from '../pluginId';
import { RequestDetail } from './RequestDetail';
import { RequestsPage } from './RequestsPage';

const App = () => (
  <Page.Protect permissions={PERMISSIONS.read}>
    <Routes>
      <Route index element={<RequestsPage />} />
      <Route path=":id" element={<RequestDetail />} />
    </Routes>
  </Page.Protect>
);

export default App;
