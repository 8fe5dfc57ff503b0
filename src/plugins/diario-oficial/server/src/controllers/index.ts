import requests from './requests';

export default { requests };
