using System.Collections.Frozen;
using Airlock.Guardrails.Injection.Lexicon;

namespace Airlock.Guardrails.Injection.Windows;

/// <summary>Exact words the window rules test for, as lexicon ids (the lexicon learns them from <see cref="All"/>).</summary>
internal static class WindowWords
{
    /// <summary>Every word the window rules name; the lexicon adds the ones it does not know yet.</summary>
    public const string All =
        "my our me us i the a an this these that it them you your please kindly now just then also and to for of with from at in on as "
        + "everything anything all any every what which were was is are been be told said taught instructed given received "
        + "none count apply applies matter matters longer attention pay above earlier before start beginning verbatim system sistema système "
        + "developer developers operator loaded configured initialized initialised operate first safety content "
        + "need confirm confirmation asking approval permission consent review telling noticing "
        + "immediately away already signed cleared public visibility authentication firewall antivirus logging audit protection "
        + "iban account wallet letter letters order backwards combine concatenate join says "
        + "language automated autonomous coding screening reviewer reviewers reader readers "
        + "enable enabled activate activated enter entering engaged switch turn on "
        + "who which that named called stands "
        + "webhook pastebin server endpoint external outside remote attacker "
        + "replace replaced fill filled followed plus append appending containing include add put embed encode where substitute "
        + "ignores disregards bypasses breaks free out broken always complies obeys right go ahead silently "
        + "release unbind liberate relieve exempt discharge yourself it them those written existed happened got top "
        + "exact exactly wording word reads processes sees reviews summarizes refuse decline refuses "
        + "award give grant score grade pass omit exclude hide skip leave code script snippet payload command commands "
        + "asap mfa 2fa sessions rm curl wget chmod were was have got received operate obey run work your are did "
        + "cat bash sh python sudo powershell passwd shadow id rsa channel gist forum treat as rule text came sentences lines characters conversation chat first "
        + "wants want asked requested needs expects inform warn remind visitor visitors customer customers reader readers please kindly then also and now just so "
        + "subject cc date";

    public static int Id(string word) => WordLexicon.IdOf(word);

    public static FrozenSet<int> Set(string words) => words.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Id).ToFrozenSet();
}
