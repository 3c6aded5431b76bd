# One image, three entrypoints: `airlock operator`, `airlock gateway`, `airlock egress`.
# Build: make image (docker build -t airlock:dev .)
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props .editorconfig Operator.sln ./
COPY src/ src/
RUN dotnet publish src/Airlock.Cli/Airlock.Cli.csproj -c Release -o /out --nologo \
    && rm -f /out/*.pdb

# The ASP.NET runtime image without a shell-dependent entrypoint; the process runs as a numeric non-root user.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /out/ /app/
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DOTNET_gcServer=0 \
    ASPNETCORE_URLS=
USER 65532:65532
ENTRYPOINT ["/app/airlock"]
CMD ["operator"]
