namespace Airlock.Guardrails.Injection.Lexicon;

/// <summary>
/// The same cues in other languages, written as the languages write them (the lexicon folds accents the way the
/// tokenizer does). A trailing <c>*</c> marks a stem: Slavic and Turkish inflect, so the stem matches any ending.
/// </summary>
internal static class ForeignWords
{
    public static IReadOnlyList<(Cue Cue, string Words)> All { get; } =
    [
        // Spanish, Portuguese, Italian, French
        (Cue.OverrideVerb | Cue.Foreign, "ignora ignorar ignoren ignorad ignorate ignorare ignorez ignorer ignorem olvida olvide olvides olvidar olviden olvidad omite omitir descarta descartar desatiende omiso esqueça esqueca esquece esquecer esqueçam desconsidere desconsiderar despreze dimentica dimenticare dimenticate trascura tralascia oublie oublies oubliez oublier néglige négligez abstraction outre fi"),
        (Cue.ObeyVerb | Cue.Foreign, "sigas siga sigan seguir sigue obedezcas obedezcan obedecer cumplas respetes hagas obedeça obedeca cumpra respeite segui seguire seguite rispettare rispetta obbedire obbedisci respecte respectez suis suivez suivre obéis obéissez applique appliquez tiens tenez considerare tenere"),
        (Cue.Negation, "no nunca sin não nao sem non più piu mai senza ne pas jamais sans"),
        (Cue.Target, "instrucciones instrucción indicaciones órdenes reglas directrices directivas normas restricciones limitaciones políticas pautas consignas instruções instrução orientações regras diretrizes ordens comandos restrições istruzioni indicazioni regole direttive ordini comandi restrizioni limiti consignes directives règles ordres indications limites filtres filtros filtri"),
        (Cue.Prior, "anteriores anterior previas previos previo todas todos tus sus originales iniciales precedentes suas seus tuas teus prévias recebidas precedenti precedente tutte tutti tue tuoi ricevute originali iniziali précédentes précédents précédent précédente antérieures antérieurs toutes tous tes vos initiales anciennes dessus reçues données"),
        (Cue.Disclose, "muestra muéstrame muestrame revela revélame dime imprime enseña escribe repite dame mostre mostra revele diga diz imprima escreva repita mostrami rivela rivelami dimmi stampa scrivi ripeti dammi montre montrez affiche affichez révèle révélez dis dites donne donnez écris répète"),
        (Cue.PromptObject, "configuración configuração configurazione système sistema"),
        (Cue.SecretObject, "contraseña contraseñas clave claves credenciales secreto senha senhas chave chaves credenciais segredo chiave chiavi credenziali segreto passe mdp clé clés identifiants jeton"),
        (Cue.AiNoun, "asistente ia assistente"),
        (Cue.MaybeAi, "modelo agente modello modèle"),
        (Cue.Limit, "restricciones límites limites filtros reglas censura restrições regras restrizioni limiti filtri regole limite restrictions restriction règles censure"),
        (Cue.Exfiltrate, "envía envia manda mandar enviar reenvía envie enviar mande encaminhe invia inviare inoltra envoie envoyez envoyer transmets transfère"),
        (Cue.NoteNoun, "nota mensaje aviso mensagem messaggio hinweis nachricht notiz bericht notitie uwaga wiadomość mesaj примечание сообщение"),
        (Cue.Greeting, "querido estimado hola cher chère bonjour liebe lieber hallo caro cara ciao olá beste hoi привет уважаемый drogi merhaba"),
        (Cue.Person, "usuario usuaria usuário utilizador cliente utente utenti utilisateur utilisatrice"),
        (Cue.Now, "ahora agora ora adesso désormais dorénavant maintenant"),
        (Cue.Persona, "actúa finge eres finja aja finga comportati fingi agis fais semblant"),
        (Cue.Translate, "traduce traduzca traduza traduci traduis traduisez"),

        // German, Dutch, Swedish
        (Cue.OverrideVerb | Cue.Foreign, "ignorier ignoriere ignorieren ignoriert uebergehe veronachtzaam vergiss vergessen vergesst missachte missachten übergehe verwirf verwerfen negeer negeren vergeet ignorera glöm"),
        (Cue.ObeyVerb | Cue.Foreign, "befolge befolgen beachte beachten folge folgen gehorche volg volgen gehoorzaam följ"),
        (Cue.Negation, "nicht nie keine kein ohne mehr niet niets nooit geen zonder inte utan"),
        (Cue.Target, "anweisungen anweisung instruktionen befehle regeln vorgaben richtlinien anordnungen systemprompt einschränkungen beschränkungen instructies aanwijzingen regels opdrachten richtlijnen beperkingen instruktioner regler"),
        (Cue.Prior, "alle alles deine ihre sämtliche bisherigen vorherigen vorigen obigen früheren vorangegangenen vorhergehenden ursprünglichen ursprüngliche bisherige vorherige jouw uw vorige eerdere voorgaande oorspronkelijke alla tidigare"),
        (Cue.Disclose, "zeige zeig zeigen gib nenne verrate schreibe wiederhole sag sage toon geef vertel schrijf herhaal visa"),
        (Cue.PromptObject, "systemprompt systeemprompt systemprompten konfiguration"),
        (Cue.SecretObject, "passwort passwörter kennwort schlüssel zugangsdaten geheimnis wachtwoord sleutel geheim lösenord"),
        (Cue.AiNoun, "ki assistent assistentin"),
        (Cue.MaybeAi, "modell"),
        (Cue.Limit, "einschränkungen regeln filter grenzen beperkingen regels grenzen begränsningar"),
        (Cue.Unrestricted, "uneingeschränkt unzensiert uneingeschränkte"),
        (Cue.Exfiltrate, "sende schicke schick senden schicken übermittle stuur verstuur skicka"),
        (Cue.Person, "nutzer nutzers benutzer benutzers anwender gebruiker användaren"),
        (Cue.Now, "jetzt fortan nun voortaan"),
        (Cue.Translate, "übersetze übersetzen vertaal"),

        // Polish, Turkish, Indonesian, Vietnamese
        (Cue.OverrideVerb | Cue.Foreign, "zignoruj ignoruj zapomnij pomiń olej unut unutun görmezden abaikan lupakan quên phớt"),
        (Cue.WeakOverrideVerb | Cue.Foreign, "bỏ atla pasa alma"),
        (Cue.ObeyVerb | Cue.Foreign, "przestrzegaj stosuj wykonuj słuchaj postępuj uyma"),
        (Cue.Negation, "nie bez"),
        (Cue.Target, "instrukcj* polece* zasad* reguł* wytyczn* ogranicze* talimat* komut* kural* yönerge* kısıtlama* instruksi perintah petunjuk aturan dẫn lệnh tắc thị"),
        (Cue.Prior, "wszystk* poprzedni* wcześniejsz* swoj* swoi* twoj* twoi* dotychczasow* önceki tüm bütün semua sebelumnya trước"),
        (Cue.Disclose, "pokaż podaj ujawnij powiedz napisz wypisz göster söyle tampilkan tunjukkan"),
        (Cue.PromptObject, "istem*"),
        (Cue.SecretObject, "hasło hasła klucz şifre* parola*"),
        (Cue.AiNoun, "asystent* asistan*"),
        (Cue.Limit, "ogranicze* kısıtlama*"),
        (Cue.Unrestricted, "sınırsız"),
        (Cue.Exfiltrate, "wyślij prześlij gönder"),
        (Cue.Person, "użytkownik* kullanıcı*"),
        (Cue.SecondPerson, "senin sizin twoje twoich wasze kamu anda bạn"),
        (Cue.Now, "teraz odtąd artık"),
        (Cue.Translate, "przetłumacz çevir"),

        // Russian, Ukrainian
        (Cue.OverrideVerb | Cue.Foreign, "игнорируй* проигнорируй* забудь* пренебреги* отбрось* ігноруй* проігноруй*"),
        (Cue.ObeyVerb | Cue.Foreign, "следуй* выполняй* слушай* соблюдай* подчиняй* обращай*"),
        (Cue.Negation, "не нет без больше"),
        (Cue.Target, "инструкци* указани* команд* правил* промпт* установк* директив* ограничени* інструкці* вказівк*"),
        (Cue.Prior, "все всё всі усі сво* тво* ваш* предыдущ* прежн* прошл* вышеуказанн* изначальн* ранее попередн*"),
        (Cue.Disclose, "покажи* скажи* выведи* раскрой* напиши* повтори* дай"),
        (Cue.PromptObject, "промпт* системн*"),
        (Cue.SecretObject, "пароль* ключ* секрет* токен*"),
        (Cue.AiNoun, "ассистент* ии помощник* асистент*"),
        (Cue.MaybeAi, "модель бот агент"),
        (Cue.Limit, "ограничени* обмежен*"),
        (Cue.Exfiltrate, "отправь* перешли* пошли*"),
        (Cue.Person, "пользовател* користувач*"),
        (Cue.Now, "теперь отныне"),
        (Cue.Translate, "переведи* перекла*"),

        // Hindi (space-separated)
        (Cue.OverrideVerb | Cue.Foreign, "अनदेखा नज़रअंदाज़ नजरअंदाज भूल"),
        (Cue.Target, "निर्देशों निर्देश आदेशों आदेश नियमों नियम"),
        (Cue.Prior, "पिछले सभी पहले"),
        (Cue.Disclose, "दिखाओ दिखाएं बताओ बताएं"),
        (Cue.PromptObject, "प्रॉम्प्ट प्रोम्प्ट"),
        (Cue.SecretObject, "पासवर्ड"),
        (Cue.AiNoun, "एआई सहायक"),
        (Cue.MaybeAi, "मॉडल"),
        (Cue.Limit, "पाबंदी प्रतिबंध"),
        (Cue.Exfiltrate, "भेजो भेजें"),
        (Cue.Person, "उपयोगकर्ता"),
        (Cue.SecondPerson, "अपने अपनी अपना तुम्हारे तुम्हारी आपके आपकी तुम आप"),
        (Cue.Translate, "अनुवाद"),
    ];

    /// <summary>Scripts written without spaces (or with attached particles): matched as substrings of a run of that script.</summary>
    public static IReadOnlyList<(Cue Cue, string Terms)> Substrings { get; } =
    [
        (Cue.OverrideVerb | Cue.Foreign, "忽略 忽视 忽視 无视 無視 不要理会 不要理會 忘记 忘記 忘掉 跳过 跳過 放弃 放棄 不用管 别管 別管 忘れ 破棄 気にしない 従わな 従うな 따르지 무시 잊어 잊고 تجاهل انس إنس اهمل أهمل התעלם שכח"),
        (Cue.Negation, "不要 不再"),
        (Cue.ObeyVerb | Cue.Foreign, "遵守 遵循 服从 服從 従わ 従う 따르"),
        (Cue.Target, "指令 指示 提示 说明 說明 规则 規則 命令 设定 設定 要求 限制 约束 ルール プロンプト 制約 ガイドライン 지시 지침 명령 규칙 프롬프트 التعليمات تعليمات الأوامر أوامر التوجيهات القواعد قواعد الإرشادات הוראות ההוראות ההנחיות"),
        (Cue.Prior, "之前 以前 以上 上面 所有 先前 原来 原來 これまで 上記 すべて 全て 前の 이전 모든 기존 السابقة جميع"),
        (Cue.Disclose, "告诉我 告訴我 显示 顯示 输出 輸出 打印 透露 展示 给我 給我 表示 教えて 見せて 出力 알려 보여 출력 표시 اكشف أظهر اعرض أخبرني"),
        (Cue.PromptObject, "系统提示 系統提示 提示词 提示詞 システムプロンプト 시스템_프롬프트 موجه_النظام"),
        (Cue.SecretObject, "密码 密碼 密钥 秘钥 口令 パスワード 비밀번호 암호 كلمة_المرور كلمة_السر"),
        (Cue.AiNoun, "助手 人工智能 アシスタント 人工知能 어시스턴트 인공지능 المساعد مساعد"),
        (Cue.Unrestricted, "没有任何限制 不受任何 没有限制 沒有限制 无限制 無限制 制限のない 制限なし 제한이_없는 제한_없는 무제한 بلا_قيود دون_قيود"),
        (Cue.Exfiltrate, "发送 發送 发到 转发 送って 送信 보내 أرسل ارسل"),
        (Cue.Person, "用户 用戶 ユーザー 사용자 المستخدم"),
        (Cue.SecondPerson, "你 您 你的 あなた 君の 너 너의 당신 네 قواعدك تعليماتك أوامرك"),
        (Cue.Unrestricted, "不再受 不受限制 没有规则 没有任何规则 制限なし 규칙이 없는"),
        (Cue.Now, "从现在开始 從現在開始 今から これから 지금부터 이제부터"),
        (Cue.Translate, "翻译 翻譯 訳して 번역 ترجم"),
        (Cue.Replacement, "新的指令 新指令 新しい指示 새로운"),
    ];
}
