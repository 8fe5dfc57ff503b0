import calendarRevision from './calendar-revision/schema.json';
import directoryAudit from './directory-audit/schema.json';
import notice from './notice/schema.json';

export default {
  'calendar-revision': { schema: calendarRevision },
  'directory-audit': { schema: directoryAudit },
  notice: { schema: notice },
};
