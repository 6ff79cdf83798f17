/** The request header our own server sets to the client's address (see production-server.ts and rate-limit.ts). */
export const CLIENT_IP_HEADER = "x-advisor-client-ip";
