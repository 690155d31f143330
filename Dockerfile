# newsgraph server image: a static binary on a distroless base.
#
#   docker build -t newsgraph .
#   docker run -p 8080:8080 newsgraph serve --store sqlite:/data/newsgraph.db
#
# docker-compose.yml runs it against Neo4j (see docs/neo4j.md).

ARG GO_VERSION=1.26
FROM golang:${GO_VERSION}-bookworm AS build
WORKDIR /src
# Modules first, so that source edits do not refetch them.
COPY go.mod go.sum ./
RUN go mod download
COPY . .
# Pure Go (the SQLite driver included): no cgo, a static binary.
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/newsgraph ./cmd/newsgraph

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/newsgraph /usr/local/bin/newsgraph
WORKDIR /data
EXPOSE 8080
USER nonroot
ENTRYPOINT ["/usr/local/bin/newsgraph"]
CMD ["serve", "--addr", ":8080"]
