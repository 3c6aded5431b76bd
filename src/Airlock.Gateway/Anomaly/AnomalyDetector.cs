using System.Collections.Concurrent;

namespace Airlock.Gateway.Anomaly;

/// <summary>
/// Watches each task against its own rolling baseline: request-rate and token-rate spikes, repeated guardrail hits, budget
/// exhaustion. Pure bookkeeping over a clock; each signal goes to <paramref name="publish"/> at most once per bucket (spikes),
/// per window (guardrail hits) or per task (budget).
/// </summary>
public sealed class AnomalyDetector(AnomalyOptions options, TimeProvider time, Action<AnomalySignal> publish)
{
    private readonly ConcurrentDictionary<(string Namespace, string Task), TaskBaseline> _tasks = new();

    public void ObserveCall(string @namespace, string task, long tokens)
    {
        var state = State(@namespace, task);
        var now = time.GetUtcNow();
        List<AnomalySignal> signals = [];
        lock (state)
        {
            state.Roll(Bucket(now), options.BaselineWeight);
            state.Requests++;
            state.Tokens += tokens;
            if (state.Buckets < options.WarmupBuckets) return;
            if (!state.RequestSpikeSignalled && IsSpike(state.Requests, state.RequestBaseline, options.MinRequestSpike))
            {
                state.RequestSpikeSignalled = true;
                signals.Add(new AnomalySignal(@namespace, task, AnomalyKind.RequestSpike, now, state.Requests, state.RequestBaseline,
                    $"{state.Requests} model requests this period against a baseline of {state.RequestBaseline:0.#}"));
            }
            if (!state.TokenSpikeSignalled && IsSpike(state.Tokens, state.TokenBaseline, options.MinTokenSpike))
            {
                state.TokenSpikeSignalled = true;
                signals.Add(new AnomalySignal(@namespace, task, AnomalyKind.TokenSpike, now, state.Tokens, state.TokenBaseline,
                    $"{state.Tokens} tokens this period against a baseline of {state.TokenBaseline:0.#}"));
            }
        }
        foreach (var signal in signals) publish(signal);
    }

    public void ObserveGuardrailHit(string @namespace, string task, string what)
    {
        var state = State(@namespace, task);
        var now = time.GetUtcNow();
        int count;
        lock (state)
        {
            state.GuardrailHits.Enqueue(now);
            while (state.GuardrailHits.Count > 0 && now - state.GuardrailHits.Peek() > options.GuardrailWindow) state.GuardrailHits.Dequeue();
            count = state.GuardrailHits.Count;
            if (count < options.GuardrailHits) return;
            state.GuardrailHits.Clear();
        }
        publish(new AnomalySignal(@namespace, task, AnomalyKind.RepeatedGuardrailHits, now, count, 0,
            $"{count} guardrail hits within {options.GuardrailWindow.TotalMinutes:0.#} minutes (latest: {what})"));
    }

    public void ObserveBudgetExhausted(string @namespace, string task, long budget)
    {
        var state = State(@namespace, task);
        lock (state)
        {
            if (state.BudgetSignalled) return;
            state.BudgetSignalled = true;
        }
        publish(new AnomalySignal(@namespace, task, AnomalyKind.BudgetExhausted, time.GetUtcNow(), budget, budget,
            $"the token budget of {budget} is spent; model calls are refused"));
    }

    private bool IsSpike(long value, double baseline, long floor) => value >= floor && value > options.SpikeFactor * baseline;

    private long Bucket(DateTimeOffset now) => now.UtcTicks / options.Bucket.Ticks;

    private TaskBaseline State(string @namespace, string task) => _tasks.GetOrAdd((@namespace, task), _ => new TaskBaseline());

    private sealed class TaskBaseline
    {
        public long Bucket { get; private set; } = -1;

        public int Buckets { get; private set; }

        public long Requests { get; set; }

        public long Tokens { get; set; }

        public double RequestBaseline { get; private set; }

        public double TokenBaseline { get; private set; }

        public bool RequestSpikeSignalled { get; set; }

        public bool TokenSpikeSignalled { get; set; }

        public bool BudgetSignalled { get; set; }

        public Queue<DateTimeOffset> GuardrailHits { get; } = new();

        /// <summary>Folds finished buckets (and the empty ones since) into the baseline.</summary>
        public void Roll(long bucket, double weight)
        {
            if (Bucket < 0)
            {
                Bucket = bucket;
                return;
            }
            if (bucket <= Bucket) return;
            var steps = Math.Min(bucket - Bucket, 120);
            for (var i = 0; i < steps; i++)
            {
                var requests = i == 0 ? Requests : 0;
                var tokens = i == 0 ? Tokens : 0;
                RequestBaseline = Buckets == 0 ? requests : (weight * requests) + ((1 - weight) * RequestBaseline);
                TokenBaseline = Buckets == 0 ? tokens : (weight * tokens) + ((1 - weight) * TokenBaseline);
                Buckets++;
            }
            Bucket = bucket;
            Requests = 0;
            Tokens = 0;
            RequestSpikeSignalled = false;
            TokenSpikeSignalled = false;
        }
    }
}
