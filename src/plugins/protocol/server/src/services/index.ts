import audit from './audit';
import calendar from './calendar';
import csvImport from './csv-import';
import directory from './directory';
import exportsService from './exports';
import notices from './notices';
import personalAccess from './personal-access';
import seating from './seating';
import verification from './verification';

export default {
  audit,
  calendar,
  'csv-import': csvImport,
  directory,
  exports: exportsService,
  notices,
  'personal-access': personalAccess,
  seating,
  verification,
};
