# One image, three entrypoints: `airlock operator`, `airlock gateway`, `airlock egress` (the chart picks one per
# Deployment through args). Build: `make image` (docker build -t airlock:dev .).
#
# Stage 1: restore and publish with the SDK.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ src/
RUN dotnet publish src/Airlock.Cli/Airlock.Cli.csproj -c Release -o /out --nologo \
        -p:DebugType=none -p:GenerateDocumentationFile=false \
    && rm -f /out/*.pdb

# Stage 2: the ASP.NET Core runtime on Ubuntu chiseled: no shell, no package manager, nothing but the runtime and
# its libraries. The process runs as a numeric non-root user, so runAsNonRoot can be verified by the kubelet.
FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled AS runtime
WORKDIR /app
COPY --from=build --chown=0:0 --chmod=0555 /out/ /app/
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DOTNET_EnableDiagnostics=0 \
    DOTNET_gcServer=0 \
    ASPNETCORE_URLS=
USER 65532:65532
ENTRYPOINT ["/app/airlock"]
CMD ["operator"]
