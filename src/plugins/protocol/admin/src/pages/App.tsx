import { Route, Routes } from 'react-router-dom';
import { DirectoryPage } from './DirectoryPage';
import { SeatingPrintPage } from './SeatingPrintPage';

const App = () => (
  <Routes>
    <Route index element={<DirectoryPage />} />
    <Route path="ceremonies/:documentId/seating" element={<SeatingPrintPage />} />
  </Routes>
);

export default App;
