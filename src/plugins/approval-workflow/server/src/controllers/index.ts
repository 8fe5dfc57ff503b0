import approvals from './approvals';
import versions from './versions';
import preview from './preview';

export default { approvals, versions, preview };
