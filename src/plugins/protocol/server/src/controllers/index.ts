import ceremonies from './ceremonies';
import directory from './directory';
import feed from './feed';

export default { ceremonies, directory, feed };
