import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import { READ_PERMISSION } from '../pluginId';
import { RequestDetail } from './RequestDetail';
import { RequestsPage } from './RequestsPage';

const App = () => (
  <Page.Protect permissions={READ_PERMISSION}>
    <Routes>
      <Route index element={<RequestsPage />} />
      <Route path=":id" element={<RequestDetail />} />
    </Routes>
  </Page.Protect>
);

export default App;
