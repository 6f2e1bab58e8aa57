# Build a static binary, then run it as an unprivileged user with the
# database on a volume.
FROM golang:1.27-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/trialwatch ./cmd/trialwatch

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/trialwatch /usr/local/bin/trialwatch
VOLUME ["/data"]
WORKDIR /data
EXPOSE 8080
USER nonroot:nonroot
ENTRYPOINT ["/usr/local/bin/trialwatch"]
CMD ["serve", "--db", "/data/trialwatch.db", "--addr", "0.0.0.0:8080"]
