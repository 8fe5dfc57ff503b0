// Shared set-up of the protocol plugin's tests: a small directory with known
// precedence, and admin HTTP calls to the plugin's routes.
import { app, http, type AdminSession } from '../../helpers/app';
import { fixtures, suffix } from '../../helpers/fixtures';

export const CONTACT = 'api::protocol-contact.protocol-contact';
export const RANK = 'api::precedence-rank.precedence-rank';
export const CEREMONY = 'api::ceremony.ceremony';

/** The plugin's admin routes as the admin UI calls them. */
export const protocolApi = (session: AdminSession) => {
  const auth = (r: any) => r.set('Authorization', `Bearer ${session.token}`);
  return {
    get: (path: string, query: object = {}) => auth(http().get(`/protocol${path}`).query(query)),
    post: (path: string, body: object) => auth(http().post(`/protocol${path}`).send(body)),
  };
};

export const createRank = async (rank: number, level = 'local') =>
  app().documents(RANK).create({ data: { rank, officeTitle: `Cargo de prueba ${rank} ${suffix()}`, level, source: 'Prueba' } } as any);

export const createInstitution = async (name: string, level = 'regional', sector = 'public') =>
  app().documents('api::institution.institution').create({ data: { ...fixtures.institution(), name: `${name} ${suffix()}`, level, sector } } as any);

/** A contact with personal data (from the fixture) and the given precedence. */
export const createContact = async (data: Record<string, unknown>) =>
  app().documents(CONTACT).create({ data: { ...fixtures.contact(), lastVerifiedAt: new Date().toISOString(), ...data } } as any);

export const protocolService = (name: string) => app().plugin('protocol').service(name);
