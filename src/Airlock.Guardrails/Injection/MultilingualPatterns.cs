using System.Text.RegularExpressions;

namespace Airlock.Guardrails.Injection;

/// <summary>
/// Instruction overrides in other languages, over the native view (NFKC, lower case) and its space-free form; the
/// patterns name instructions/rules explicitly so "please ignore my previous email" in any language does not match.
/// </summary>
internal static partial class MultilingualPatterns
{
    private const RegexOptions Options = OverridePatterns.Options;
    private const int Timeout = OverridePatterns.Timeout;

    [GeneratedRegex(@"(ignore[rz]?|ignorez|oublie[rz]?|oubliez|ne tiens? pas compte|ne tenez pas compte|fais abstraction|faites abstraction|passe outre|passez outre|fais fi)\s*(de\s*|des\s*|d'\s*|du\s*|toutes?\s*|tous\s*|les\s*|tes\s*|vos\s*|ces\s*|l'ensemble\s*)*(instructions?|consignes?|directives?|règles|regles|ordres|indications|prompt)", Options, Timeout)]
    public static partial Regex French();

    [GeneratedRegex(@"(ignorier(e|en|t)?|vergiss|vergessen|missachte(n)?|übergehe|uebergehe|verwirf|verwerfen|beachte(n)? nicht|befolge(n)? nicht)\s*(sie\s*)?(alle\s*|alles\s*|deine\s*|ihre\s*|die\s*|sämtliche\s*|bisherigen\s*|vorherigen\s*|vorigen\s*|obigen\s*|früheren\s*|vorangegangenen\s*|vorhergehenden\s*|ursprünglichen\s*)*(anweisungen|anweisung|instruktionen|befehle|regeln|vorgaben|richtlinien|anordnungen|systemprompt|system-prompt|prompt)|vergiss\s*alles\s*(was|davor|vorher|bisher|oben)", Options, Timeout)]
    public static partial Regex German();

    [GeneratedRegex(@"(ignora[rd]?|olvida[rd]?|olvide|olvides|haz caso omiso|hagan caso omiso|no hagas caso|omite|descarta|desatiende|pasa por alto|ignoren|ignore)\s*(a\s*|de\s*|todas?\s*|todos\s*|las\s*|los\s*|tus\s*|sus\s*)*(instrucciones|indicaciones|órdenes|ordenes|reglas|directrices|directivas|instrucción|instruccion|prompt)", Options, Timeout)]
    public static partial Regex Spanish();

    [GeneratedRegex(@"(ignora(re)?|ignorate|dimentica(re)?|dimenticate|trascura|non considerare|non tenere conto)\s*(di\s*|d[ei]i\s*|delle\s*|tutte\s*|tutti\s*|le\s*|tue\s*|sue\s*|i\s*|gli\s*)*(istruzioni|indicazioni|regole|direttive|ordini|comandi|prompt)", Options, Timeout)]
    public static partial Regex Italian();

    [GeneratedRegex(@"(ignor[ea]r?|ignorem|esque[çc]a|esque[çc]am|esquecer|desconsidere|desconsiderar|despreze|n[aã]o (siga|obede[çc]a))\s*(todas?\s*|as\s*|os\s*|suas?\s*|tuas?\s*)*(instru[çc][õo]es|instru[çc][ãa]o|orienta[çc][õo]es|regras|diretrizes|ordens|comandos)", Options, Timeout)]
    public static partial Regex Portuguese();

    /// <summary>Russian declines its nouns and adjectives, so fillers and nouns are matched by stem.</summary>
    [GeneratedRegex(@"(игнорируй(те)?|проигнорируй(те)?|забудь(те)?|не обращай(те)? внимания на|пренебреги|отбрось(те)?|не следуй(те)?|не выполняй(те)?|не слушай(те)?)\s*((все|всё|сво|тво|ваш|предыдущ|прежн|прошл|вышеуказанн|вышеизложенн|эт|данн|системн|изначальн|ранн|ранее)\S*\s*)*(инструкци|указани|команд|правил|промпт|установк|директив)", Options, Timeout)]
    public static partial Regex Russian();

    [GeneratedRegex(@"(忽略|忽视|忽視|无视|無視|不要理会|不要理會|忘记|忘記|忘掉|跳过|跳過|放弃|放棄|不用管|别管|別管|不要遵守|不要遵循)[^。！？\n]{0,12}?(指令|指示|提示|说明|說明|规则|規則|命令|设定|設定|要求|限制)", Options, Timeout)]
    public static partial Regex Chinese();

    [GeneratedRegex(@"(指示|命令|指令|ルール|プロンプト|設定|制約|ガイドライン|規則)[^。！？\n]{0,12}?(無視|忘れ|破棄|従わな)|(無視|忘れ)[^。！？\n]{0,6}?(指示|命令|指令)", Options, Timeout)]
    public static partial Regex Japanese();

    [GeneratedRegex(@"(지시|지침|명령|규칙|프롬프트|지시사항|명령어)[^.!?\n]{0,12}?(무시|잊어|따르지 ?마)", Options, Timeout)]
    public static partial Regex Korean();

    [GeneratedRegex(@"(negeer|vergeet|veronachtzaam)\s*(alle\s*|de\s*|je\s*|jouw\s*|uw\s*|vorige\s*|eerdere\s*|voorgaande\s*)*(instructies|aanwijzingen|regels|opdrachten)|(zignoruj|ignoruj|zapomnij|pomiń)\s*(o\s*)?((wszystk|poprzedni|wcześniejsz|swoj|swoi|twoj|twoi)\S*\s*)*(instrukcj|polece|zasad|reguł)|(önceki|onceki|tüm|tum|bütün|butun)\s*(\S+\s*){0,2}?(talimatları|talimatlari|komutları|kuralları|yönergeleri)\s*(yok say|görmezden gel|gormezden gel|unut|dikkate alma)|(abaikan|lupakan)\s*(\S+\s*){0,3}?(instruksi|perintah|petunjuk|aturan)|(bỏ qua|phớt lờ|quên)[^.\n]{0,20}?(hướng dẫn|chỉ dẫn|chỉ thị|lệnh)", Options, Timeout)]
    public static partial Regex OtherLatin();

    [GeneratedRegex(@"(تجاهل|انس|إنس|اهمل|أهمل)[^.\n]{0,20}?(التعليمات|الأوامر|التوجيهات|القواعد|تعليمات)|(निर्देशों|निर्देश|आदेशों|नियमों)[^।\n]{0,20}?(अनदेखा|नज़रअंदाज़|नजरअंदाज|भूल)|(התעלם|שכח)[^.\n]{0,20}?(הוראות|ההוראות|ההנחיות)", Options, Timeout)]
    public static partial Regex OtherScripts();

    [GeneratedRegex(@"(prompt (du )?syst[eè]me|systemprompt|system-prompt|prompt del sistema|prompt di sistema|prompt do sistema|系统提示|系統提示|提示词|提示詞|システムプロンプト|системный промпт|системные инструкции|시스템 프롬프트)", Options, Timeout)]
    public static partial Regex SystemPromptWord();

    [GeneratedRegex(@"(nouvelles? (instructions?|consignes?)|neue anweisung(en)?|nuevas instrucciones|nuove istruzioni|novas instruções|nieuwe instructies|nowe instrukcje|新的指令|新指令|新しい指示|новые инструкции|새로운 지시)\s*:", Options, Timeout)]
    public static partial Regex NewInstructions();
}
