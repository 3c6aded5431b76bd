using Airlock.Guardrails.Injection.Learned;

namespace Airlock.Guardrails.Tests.Learned;

public class LearnedModelTests
{
    [Test]
    public void Embedded_model_was_trained_on_the_committed_corpus()
    {
        TrainingCorpus.Sha256(CommittedCorpus()).Should().Be(LearnedModel.Embedded.CorpusSha256, "run `make train-guardrails` after changing the corpus");
    }

    [Test]
    public void Embedded_weights_are_what_the_trainer_makes_of_the_committed_corpus()
    {
        var embedded = LearnedModel.Embedded;

        // The last step of training (the fit on the whole corpus) with the embedded threshold; the cross-validation that
        // chose the threshold is five more fits and is left to `make train-guardrails`.
        var refit = LearnedTrainer.Fit(CommittedCorpus(), new LearnedTrainingOptions(), embedded.Threshold, embedded.CorpusSha256);

        refit.SameAs(embedded).Should().BeTrue("the same corpus must give the same model");
    }

    private static IReadOnlyList<TrainingSample> CommittedCorpus() => TrainingCorpus.Load(
        [.. new[] { Path.Combine(RepositoryRoot.Path, "training", "injection"), Path.Combine(RepositoryRoot.Path, "src", "Airlock.Guardrails", "Corpus") }
            .Where(Directory.Exists)]);

    [Test]
    public void Serialised_model_reads_back_unchanged()
    {
        var model = LearnedModel.Embedded;

        using var stream = new MemoryStream(model.Serialize());
        var read = LearnedModel.Deserialize(stream);

        read.SameAs(model).Should().BeTrue();
    }

    [Test]
    public void Data_that_is_not_a_model_is_refused()
    {
        using var stream = new MemoryStream([0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);

        var read = () => LearnedModel.Deserialize(stream);

        read.Should().Throw<InvalidDataException>();
    }

    [Test]
    public void Embedded_model_stays_under_one_megabyte()
    {
        LearnedModel.Embedded.Serialize().Length.Should().BeLessThan(1 << 20);
    }

    [Test]
    public void Threshold_is_at_least_even_odds()
    {
        LearnedModel.Embedded.Threshold.Should().BeInRange(0.5f, 1f);
    }
}
