// The plugin's pages, for users with `plugin::dissemination.read` (the Gerente, office staff).
import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import { PERMISSIONS } from '../pluginId';
import { CircularDetail } from './CircularDetail';
import { CircularsPage } from './CircularsPage';

const App = () => (
  <Page.Protect permissions={PERMISSIONS.read}>
    <Routes>
      <Route index element={<CircularsPage />} />
      <Route path=":id" element={<CircularDetail />} />
    </Routes>
  </Page.Protect>
);

export default App;
