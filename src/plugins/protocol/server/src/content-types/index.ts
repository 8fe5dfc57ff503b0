import directoryAudit from './directory-audit/schema.json';
import notice from './notice/schema.json';

export default {
  'directory-audit': { schema: directoryAudit },
  notice: { schema: notice },
};
