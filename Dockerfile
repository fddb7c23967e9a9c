# syntax=docker/dockerfile:1
#
# Placewise: one image serving /graphql, /healthz, /readyz and the admin at /.
# Meant to run against an external PostgreSQL: set DATABASE_URL.
# See docker-compose.yml for a ready-made Postgres + app setup.
#
#   docker build -t placewise .
#   docker run -p 4000:4000 -e DATABASE_URL=postgres://... -e SESSION_SECRET=... placewise
#
# Environment read by the server (all optional except DATABASE_URL and SESSION_SECRET in a container):
#   PORT            listen port (default 4000; the HEALTHCHECK follows it)
#   DATABASE_URL    postgres://user:password@host:5432/database. When set, the embedded
#                   PostgreSQL is not started. Migrations run at start.
#   LOG_LEVEL       fatal | error | warn | info | debug | trace | silent (default info)
#   SESSION_SECRET  required here (NODE_ENV=production): 32+ random characters, e.g. openssl rand -hex 32
#   CORS_ORIGINS    comma-separated origins, e.g. https://admin.example.org
#   ADMIN_EMAIL, ADMIN_PASSWORD (12+ characters): both or neither; neither = a random
#                   admin password is generated and logged once
#   DEMO_DATA       on | off (default on)

# ---- deps: production dependencies only, for the runtime image ----------------------------
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY server/package.json server/
COPY admin/package.json admin/
RUN --mount=type=cache,target=/root/.npm \
    npm ci --omit=dev --no-audit --no-fund

# ---- build: full install and compile -------------------------------------------------------
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY server/package.json server/
COPY admin/package.json admin/
RUN --mount=type=cache,target=/root/.npm \
    npm ci --no-audit --no-fund
COPY . .
# Directories the runtime stage copies must exist even when they are empty or not built yet.
RUN mkdir -p schema admin/dist
# Server → server/dist; admin → admin/dist (served by the server at /).
RUN npm run build
RUN npm run admin:build

# ---- runtime -------------------------------------------------------------------------------
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=4000
WORKDIR /app

COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/server/package.json ./server/package.json
COPY --from=build /app/server/dist ./server/dist
COPY --from=build /app/admin/package.json ./admin/package.json
COPY --from=build /app/admin/dist ./admin/dist
COPY --from=build /app/schema ./schema
COPY --from=build /app/seeds/dist ./seeds/dist

# The code stays root-owned and read-only to the process. The only writable place is .data/,
# used solely by the embedded PostgreSQL when DATABASE_URL is not set (not the intended use).
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node

EXPOSE 4000

# Liveness only (/healthz); /readyz also checks the database. Slim images have no curl.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/healthz', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

# The server handles SIGTERM itself (drains, then exits).
STOPSIGNAL SIGTERM
CMD ["node", "server/dist/main.js"]
