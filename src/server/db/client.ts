import "server-only";
import { env } from "@/env";
import { createPrismaClient, type DbClient } from "./prisma";

/**
 * The app's shared Prisma client for DATABASE_URL. Kept on globalThis so that dev-mode hot reloads reuse one
 * connection (pool) instead of opening a new one per reload.
 */
const globalForPrisma = globalThis as unknown as { advisorPrisma?: DbClient };

export const prisma: DbClient = globalForPrisma.advisorPrisma ?? createPrismaClient(env.DATABASE_URL);
if (env.NODE_ENV !== "production") globalForPrisma.advisorPrisma = prisma;
