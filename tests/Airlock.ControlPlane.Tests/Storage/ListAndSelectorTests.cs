using System.Text.Json.Nodes;
using Airlock.ControlPlane.Api;
using Airlock.ControlPlane.Resources;
using Airlock.ControlPlane.Storage;
using Airlock.ControlPlane.Storage.Selection;

namespace Airlock.ControlPlane.Tests.Storage;

public class ListAndSelectorTests
{
    private static readonly Dictionary<string, string> Labels = new() { ["app"] = "web", ["tier"] = "front" };

    [TestCase("app=web", true)]
    [TestCase("app==web", true)]
    [TestCase("app!=web", false)]
    [TestCase("app!=db", true)]
    [TestCase("app in (web,db)", true)]
    [TestCase("app notin (web,db)", false)]
    [TestCase("tier", true)]
    [TestCase("!tier", false)]
    [TestCase("!missing", true)]
    [TestCase("app=web,tier=back", false)]
    [TestCase("missing notin (x)", true)]
    public void Label_selector_matches_like_the_API_server(string selector, bool matches) =>
        LabelSelector.Parse(selector).Matches(Labels).Should().Be(matches);

    [TestCase("app in web")]
    [TestCase("=web")]
    [TestCase("app=we b")]
    public void Malformed_label_selector_is_a_bad_request(string selector)
    {
        var act = () => LabelSelector.Parse(selector);
        act.Should().Throw<ApiError>().Where(e => e.Code == 400);
    }

    [Test]
    public void Field_selector_reads_dotted_paths()
    {
        var pod = Objects.Pod("p", phase: "Running");
        FieldSelector.Parse("status.phase=Running,metadata.name==p").Matches(pod).Should().BeTrue();
        FieldSelector.Parse("status.phase!=Running").Matches(pod).Should().BeFalse();
        FieldSelector.Parse("spec.nodeName=").Matches(pod).Should().BeTrue();
    }

    [Test]
    public void List_filters_by_namespace_and_labels()
    {
        var store = new ObjectStore();
        store.Create(BuiltinResources.ConfigMaps, Objects.ConfigMap("a", labels: new JsonObject { ["app"] = "web" }));
        store.Create(BuiltinResources.ConfigMaps, Objects.ConfigMap("b"));
        store.Create(BuiltinResources.ConfigMaps, Objects.ConfigMap("c", "kube-system", new JsonObject { ["app"] = "web" }));
        var page = store.ListPage(BuiltinResources.ConfigMaps, "default", new ListOptions { Labels = LabelSelector.Parse("app=web") });
        page.Items.Select(ObjectMeta.Name).Should().Equal("a");
    }

    [Test]
    public void Pages_of_a_list_return_every_item_once_in_order()
    {
        var store = new ObjectStore();
        foreach (var i in Enumerable.Range(0, 7)) store.Create(BuiltinResources.ConfigMaps, Objects.ConfigMap($"cm-{i}"));
        var names = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = store.ListPage(BuiltinResources.ConfigMaps, "default", new ListOptions { Limit = 3, Continue = token });
            names.AddRange(page.Items.Select(ObjectMeta.Name));
            token = page.Continue;
            pages++;
        }
        while (token is not null);
        names.Should().Equal(Enumerable.Range(0, 7).Select(i => $"cm-{i}"));
        pages.Should().Be(3);
    }

    [Test]
    public void A_page_reports_how_many_items_remain()
    {
        var store = new ObjectStore();
        foreach (var i in Enumerable.Range(0, 5)) store.Create(BuiltinResources.ConfigMaps, Objects.ConfigMap($"cm-{i}"));
        store.ListPage(BuiltinResources.ConfigMaps, "default", new ListOptions { Limit = 2 }).RemainingItemCount.Should().Be(3);
    }

    [Test]
    public void A_continue_token_older_than_the_history_is_gone()
    {
        var store = new ObjectStore(new StoreOptions { WatchHistorySize = 4 });
        foreach (var i in Enumerable.Range(0, 3)) store.Create(BuiltinResources.ConfigMaps, Objects.ConfigMap($"cm-{i}"));
        var token = store.ListPage(BuiltinResources.ConfigMaps, "default", new ListOptions { Limit = 1 }).Continue;
        foreach (var i in Enumerable.Range(0, 10)) store.Create(BuiltinResources.ConfigMaps, Objects.ConfigMap($"more-{i}"));
        var act = () => store.ListPage(BuiltinResources.ConfigMaps, "default", new ListOptions { Limit = 1, Continue = token });
        act.Should().Throw<ApiError>().Where(e => e.Code == 410 && e.Reason == "Expired");
    }

    [Test]
    public void A_malformed_continue_token_is_a_bad_request()
    {
        var act = () => new ObjectStore().ListPage(BuiltinResources.ConfigMaps, "default", new ListOptions { Continue = "garbage!" });
        act.Should().Throw<ApiError>().Where(e => e.Code == 400);
    }
}
