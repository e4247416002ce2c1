# Pulse: one image for every process of the services mode (the gateway and each subgraph);
# docker-compose.yml picks the command per service. No build step: TypeScript runs through tsx.
FROM node:20-bookworm-slim

# Prisma's CLI (run by `npm run generate`) detects the platform through OpenSSL.
RUN apt-get update \
  && apt-get install -y --no-install-recommends openssl \
  && rm -rf /var/lib/apt/lists/*

WORKDIR /app
ENV NPM_CONFIG_UPDATE_NOTIFIER=false

# The whole source BEFORE npm install: its postinstall (`npm run generate`) reads prisma/*/schema.prisma,
# subgraphs/*/schema.graphql, codegen.ts, supergraph.api.graphql and tests/operations.
# .dockerignore keeps node_modules, .data, coverage, .git and **/__generated__ out.
COPY . .

# With devDependencies (NODE_ENV is not production yet): the postinstall needs prisma and
# @graphql-codegen/cli. `npm install`, not `npm ci`: a lockfile written on one platform may lack other
# platforms' optional native binaries, and a strict clean install refuses to fetch them.
RUN npm install --no-audit --no-fund \
  && npm cache clean --force

# Runtime only from here on.
ENV NODE_ENV=production
USER node

# gateway 4000; subgraphs identity 4001, training 4002, inventory 4003.
EXPOSE 4000 4001 4002 4003
CMD ["npm", "run", "start:gateway"]
