using BenchmarkDotNet.Running;

// `make bench-micro` passes `--filter '*' --job short`; any BenchmarkDotNet arguments work (e.g. --filter '*Matcher*').
BenchmarkSwitcher.FromAssembly(typeof(Airlock.Bench.Micro.Operator.SandboxBuilderBenchmarks).Assembly).Run(args);
