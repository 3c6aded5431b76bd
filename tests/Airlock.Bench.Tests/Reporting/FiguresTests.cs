using Airlock.Bench.Reporting;

namespace Airlock.Bench.Tests.Reporting;

public sealed class FiguresTests
{
    [Test]
    public void Figures_print_one_key_value_line_each_in_the_order_measured()
    {
        var figures = new Figures();
        figures.Add("b.second", 2.5);
        figures.Add("a.first", 7);
        using var text = new StringWriter();

        figures.WriteTo(text);

        text.ToString().Should().Be("b.second=2.5\na.first=7\n");
    }

    [Test]
    public void A_figure_added_again_replaces_the_first_value()
    {
        var figures = new Figures();
        figures.Add("x", 1);
        figures.Add("x", 2);

        figures.All.Should().ContainSingle().Which.Value.Should().Be("2");
    }

    [Test]
    public void A_figure_that_is_not_finite_prints_as_nan()
    {
        var figures = new Figures();
        figures.Add("x", double.NaN);

        figures.Get("x").Should().Be("nan");
    }
}
