import changes from './changes';
import status from './status';

export default { changes, status };
