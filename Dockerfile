# newsgraph server image: a static binary on a distroless base.
#
#   docker build -t newsgraph .
#   docker run -p 8080:8080 newsgraph serve --store sqlite:/data/newsgraph.db
#
# docker-compose.yml runs it against Neo4j (see docs/neo4j.md).

ARG GO_VERSION=1.26
# The browser explorer, built from web/package-lock.json; the binary embeds it.
FROM node:20-bookworm-slim AS web
WORKDIR /web
COPY web/package.json web/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY web/ ./
RUN npm run build

FROM golang:${GO_VERSION}-bookworm AS build
WORKDIR /src
# Modules first, so that source edits do not refetch them.
COPY go.mod go.sum ./
RUN go mod download
COPY . .
COPY --from=web /web/dist/app ./web/dist/app
# Pure Go (the SQLite driver included): no cgo, a static binary.
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/newsgraph ./cmd/newsgraph

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/newsgraph /usr/local/bin/newsgraph
WORKDIR /data
EXPOSE 8080
USER nonroot
ENTRYPOINT ["/usr/local/bin/newsgraph"]
CMD ["serve", "--addr", ":8080"]
