import changes from './changes';

export default { changes };
