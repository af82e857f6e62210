# syntax=docker/dockerfile:1
# Build stage: install everything, compile TypeScript and build the search index.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY scripts ./scripts
COPY knowledge ./knowledge
# The labelled corpus: the build trains the intent classifier on its tuning part.
COPY tests/eval ./tests/eval
RUN npm run build && npm prune --omit=dev --ignore-scripts

# Runtime stage: production dependencies, compiled code, knowledge and index; non-root.
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production PORT=3000
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./package.json
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --from=build --chown=node:node /app/knowledge ./knowledge
# State (the tip rotation, STATE_DIR) lives in a folder the app's user owns, kept on a volume:
# /app is root's, so USER node could not create ./.data itself and no tip would ever be posted.
ENV STATE_DIR=/app/.data
RUN mkdir -p /app/.data && chown node:node /app/.data
VOLUME ["/app/.data"]
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/app/main.js"]
