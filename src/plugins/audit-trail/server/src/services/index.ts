import chains from './chains';

export default { chains };
