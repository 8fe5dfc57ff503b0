/** The Spanish message the server sent with a 4xx, or the network error's. */
export const messageOf = (error: any): string => error?.response?.data?.error?.message ?? error?.message ?? String(error);
