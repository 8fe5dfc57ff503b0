// The plugin's pages: the directory (directory.read) and a ceremony's printable seating list (ceremonies.seating).
import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import { PERMISSIONS } from '../pluginId';
import { DirectoryPage } from './DirectoryPage';
import { SeatingPrintPage } from './SeatingPrintPage';

const App = () => (
  <Routes>
    <Route
      index
      element={
        <Page.Protect permissions={PERMISSIONS.readDirectory}>
          <DirectoryPage />
        </Page.Protect>
      }
    />
    <Route
      path="ceremonies/:documentId/seating"
      element={
        <Page.Protect permissions={PERMISSIONS.readSeating}>
          <SeatingPrintPage />
        </Page.Protect>
      }
    />
  </Routes>
);

export default App;
