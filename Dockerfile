# One image for every process of the Profielservice; docker-compose.yml picks the command.
# Build: docker build -t profielservice .   (not exercised on the project's CI machines: no Docker engine)

FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY lib lib
COPY gateway gateway
COPY subgraphs subgraphs
COPY simulators simulators
COPY scripts scripts
COPY portal portal
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:24-bookworm-slim AS runtime
# glibc malloc as the product's processes run under npm start (scripts/product-runtime.ts): two
# arenas instead of up to eight per core, and fixed thresholds for handing freed memory back.
ENV NODE_ENV=production MALLOC_ARENA_MAX=2 MALLOC_TRIM_THRESHOLD_=131072 MALLOC_MMAP_THRESHOLD_=131072
WORKDIR /app
COPY --from=build --chown=root:root /app/package.json ./
COPY --from=build --chown=root:root /app/node_modules node_modules
COPY --from=build --chown=root:root /app/dist dist
# The committed supergraph is the gateway's contract; the BRP test data feeds the (dev) simulator.
COPY --chown=root:root schema schema
COPY --chown=root:root simulators/brp/data simulators/brp/data
# The reference portal's back-end allows exactly these operations.
COPY --chown=root:root portal/src/operations portal/src/operations
# Writable only where the embedded store lives.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 4000
# V8 heap limits sized on what the gateway keeps alive (scripts/product-runtime.ts, docs/bench.md).
CMD ["node", "--max-old-space-size=160", "--max-semi-space-size=24", "dist/gateway/index.js"]
