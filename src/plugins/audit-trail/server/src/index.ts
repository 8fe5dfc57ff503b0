import contentTypes from './content-types';
import services from './services';

export default { contentTypes, services };
