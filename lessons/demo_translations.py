"""Sample translations ("Voorbeeldvertaling") of the carers' path into English, Arabic, Turkish
and Polish: the home page, the at-home modules' index and the first two modules.

Made with wagtail-localize's own objects (a translation source per page, one string translation
per segment), exactly as a translator's work would be stored. So the demo shows what a
coordinator will see: the translation is complete and in sync until someone edits the Dutch
page, and a PO file can be exported and imported back. Written by hand for the demo, not by a
professional translator: every translated module says so on the page.
"""

from django.db import transaction
from wagtail.models import Locale

from home.languages import grant_translators

LANGUAGES = ("en", "ar", "tr", "pl")
MODULE_NUMBERS = (1, 2)

# Dutch source segment -> (English, Arabic, Turkish, Polish)
SEGMENTS = {
    # Home page
    "Veerkrachtig op school en thuis": (
        "Resilient at school and at home", "الصمود في المدرسة وفي البيت", "Okulda ve evde dayanıklı", "Odporni w szkole i w domu"),
    "home-nl": ("home-en", "home-ar", "home-tr", "home-pl"),
    "BOUNCE online helpt basisscholen om kinderen in groep 7 en 8 sterker te maken: in de klas met lessen, thuis met "
    "korte modules voor ouders en verzorgers. Voorbeeldinhoud: deze tekst is gemaakt om de site te laten zien.": (
        "BOUNCE online helps primary schools make children in groep 7 and 8 stronger: with lessons in class and short "
        "modules for parents and carers at home. Sample content: this text was written to demonstrate the site.",
        "يساعد BOUNCE online المدارس الابتدائية على تقوية الأطفال في الصفين السابع والثامن: بدروس في الصف، وفي البيت "
        "بوحدات قصيرة للآباء والأمهات ومقدّمي الرعاية. محتوى تجريبي: كُتب هذا النص لعرض الموقع.",
        "BOUNCE online, ilkokulların 7. ve 8. sınıftaki çocukları güçlendirmesine yardım eder: sınıfta derslerle, evde "
        "anne babalar ve bakım verenler için kısa modüllerle. Örnek içerik: bu metin siteyi tanıtmak için yazıldı.",
        "BOUNCE online pomaga szkołom podstawowym wzmacniać dzieci z groep 7 i 8: w klasie przez lekcje, a w domu przez "
        "krótkie moduły dla rodziców i opiekunów. Przykładowa treść: ten tekst napisano, aby pokazać stronę."),
    "Voor leerkrachten": ("For teachers", "للمعلّمين", "Öğretmenler için", "Dla nauczycieli"),
    "Tien lessen over talenten, sterk staan, gevoelens en samenleven, klaar om te geven op het digibord. Houd bij welke "
    "lessen u gaf en laat weten hoe het ging.": (
        "Ten lessons on talents, standing strong, feelings and living together, ready to teach on the whiteboard. Keep "
        "track of the lessons you taught and tell us how they went.",
        "عشرة دروس عن المواهب والثبات والمشاعر والعيش معًا، جاهزة للتدريس على السبورة الذكية. سجّلوا الدروس التي قدّمتموها وأخبرونا كيف سارت.",
        "Yetenekler, güçlü durmak, duygular ve birlikte yaşamak üzerine on ders, akıllı tahtada anlatmaya hazır. Hangi "
        "dersleri verdiğinizi kaydedin ve nasıl geçtiğini bize bildirin.",
        "Dziesięć lekcji o talentach, byciu silnym, uczuciach i życiu razem, gotowych do prowadzenia na tablicy "
        "interaktywnej. Zapisuj, które lekcje prowadzisz, i daj znać, jak poszło."),
    "Voor ouders en verzorgers": (
        "For parents and carers", "للآباء والأمهات ومقدّمي الرعاية", "Anne babalar ve bakım verenler için", "Dla rodziców i opiekunów"),
    "Korte thuismodules van tien tot vijftien minuten, op uw telefoon. U hebt alleen de code van de groep van uw kind "
    "nodig. We vragen nooit uw naam.": (
        "Short at-home modules of ten to fifteen minutes, on your phone. All you need is the code of your child's groep. "
        "We never ask for your name.",
        "وحدات منزلية قصيرة من عشر إلى خمس عشرة دقيقة، على هاتفكم. تحتاجون فقط إلى رمز صفّ طفلكم. لا نسألكم عن اسمكم أبدًا.",
        "Telefonunuzda on ile on beş dakika süren kısa ev modülleri. Yalnızca çocuğunuzun sınıfının koduna ihtiyacınız "
        "var. Adınızı asla sormayız.",
        "Krótkie moduły domowe od dziesięciu do piętnastu minut, na Twoim telefonie. Potrzebny jest tylko kod grupy "
        "dziecka. Nigdy nie pytamy o imię i nazwisko."),
    # The at-home modules' index
    "Thuismodules": ("At-home modules", "الوحدات المنزلية", "Ev modülleri", "Moduły domowe"),
    "thuis": ("at-home", "fi-al-bayt", "evde", "w-domu"),
    "Korte modules voor ouders en verzorgers, van tien tot vijftien minuten. Geen account nodig. Voorbeeldinhoud: deze "
    "tekst is gemaakt om de site te laten zien.": (
        "Short modules for parents and carers, ten to fifteen minutes each. No account needed. Sample content: this text "
        "was written to demonstrate the site.",
        "وحدات قصيرة للآباء والأمهات ومقدّمي الرعاية، من عشر إلى خمس عشرة دقيقة. لا حاجة إلى حساب. محتوى تجريبي: كُتب هذا النص لعرض الموقع.",
        "Anne babalar ve bakım verenler için on ile on beş dakikalık kısa modüller. Hesap gerekmez. Örnek içerik: bu "
        "metin siteyi tanıtmak için yazıldı.",
        "Krótkie moduły dla rodziców i opiekunów, od dziesięciu do piętnastu minut. Konto nie jest potrzebne. "
        "Przykładowa treść: ten tekst napisano, aby pokazać stronę."),
    # Module 1
    "Een positieve blik": ("A positive view", "نظرة إيجابية", "Olumlu bir bakış", "Pozytywne spojrzenie"),
    "module-1-een-positieve-blik": (
        "module-1-a-positive-view", "module-1-nazra-ijabiya", "modul-1-olumlu-bir-bakis", "modul-1-pozytywne-spojrzenie"),
    "Kijken naar wat goed gaat bij uw kind, en dat ook zeggen.": (
        "Noticing what goes well for your child, and saying so.",
        "أن تنظروا إلى ما يسير جيدًا عند طفلكم، وأن تقولوا ذلك أيضًا.",
        "Çocuğunuzda iyi giden şeylere bakmak ve bunu söylemek.",
        "Zauważać, co dziecku się udaje, i mówić mu o tym."),
    "Uw kind maakte kennis met het woord <b>veerkracht</b>: net als een bal weer omhoog stuiteren als het tegenzit. De "
    "groep maakte samen afspraken om veilig met elkaar te praten.": (
        "Your child learned the word <b>resilience</b>: bouncing back up like a ball when things go wrong. The groep "
        "agreed together on how to talk with each other safely.",
        "تعرّف طفلكم على كلمة <b>الصمود</b>: أن يرتدّ إلى الأعلى مثل الكرة عندما تسوء الأمور. واتفق الصف معًا على قواعد للحديث بأمان.",
        "Çocuğunuz <b>dayanıklılık</b> kelimesini öğrendi: işler kötü gittiğinde bir top gibi yeniden yukarı sekmek. Sınıf, "
        "birbiriyle güvenle konuşmak için birlikte kurallar koydu.",
        "Dziecko poznało słowo <b>odporność</b>: to jak piłka, która odbija się w górę, gdy coś idzie nie tak. Grupa "
        "ustaliła wspólnie zasady bezpiecznej rozmowy."),
    "Wat is veerkracht?": ("What is resilience?", "ما هو الصمود؟", "Dayanıklılık nedir?", "Czym jest odporność?"),
    "Veerkracht betekent: na een tegenvaller weer opstaan. Ieder kind heeft veerkracht. U kunt die laten groeien door te "
    "laten zien wat al goed gaat.": (
        "Resilience means getting back up after a setback. Every child has resilience. You can help it grow by showing "
        "what already goes well.",
        "الصمود يعني النهوض من جديد بعد خيبة. لكل طفل قدرة على الصمود. يمكنكم أن تنمّوها حين تُظهرون ما يسير جيدًا بالفعل.",
        "Dayanıklılık, bir aksilikten sonra yeniden ayağa kalkmak demektir. Her çocukta dayanıklılık vardır. Zaten iyi "
        "giden şeyleri göstererek onun büyümesine yardım edebilirsiniz.",
        "Odporność to umiejętność podniesienia się po niepowodzeniu. Każde dziecko ją ma. Możesz pomóc jej rosnąć, "
        "pokazując, co już się udaje."),
    "Kijk naar wat goed gaat": ("Look at what goes well", "انظروا إلى ما يسير جيدًا", "İyi giden şeylere bakın", "Zwróć uwagę na to, co się udaje"),
    "Denk aan de afgelopen week. Wanneer deed uw kind iets waar u blij van werd? Het mag iets kleins zijn, zoals helpen "
    "met afruimen of een grapje maken.": (
        "Think of the past week. When did your child do something that made you happy? It can be something small, like "
        "helping to clear the table or making a joke.",
        "فكّروا في الأسبوع الماضي. متى فعل طفلكم شيئًا أسعدكم؟ يمكن أن يكون شيئًا صغيرًا، مثل المساعدة في رفع الأطباق أو إلقاء نكتة.",
        "Geçen haftayı düşünün. Çocuğunuz sizi ne zaman mutlu eden bir şey yaptı? Sofrayı toplamaya yardım etmek ya da "
        "bir şaka yapmak gibi küçük bir şey olabilir.",
        "Pomyśl o minionym tygodniu. Kiedy dziecko zrobiło coś, co Cię ucieszyło? To może być drobiazg, na przykład pomoc "
        "przy sprzątaniu ze stołu albo żart."),
    "Zeg het hardop": ("Say it out loud", "قولوها بصوت عالٍ", "Yüksek sesle söyleyin", "Powiedz to na głos"),
    "Vertel uw kind vandaag wat u zag. Zeg wat uw kind deed, niet alleen ‘goed zo’. Bijvoorbeeld: ‘Ik zag dat je je zusje "
    "hielp. Dat vond ik lief.’": (
        "Tell your child today what you saw. Say what your child did, not just ‘well done’. For example: ‘I saw you "
        "helping your little sister. That was kind.’",
        "أخبروا طفلكم اليوم بما رأيتم. قولوا ما فعله طفلكم، وليس فقط «أحسنت». مثلًا: «رأيتك تساعد أختك الصغيرة. كان ذلك لطيفًا منك.»",
        "Bugün çocuğunuza ne gördüğünüzü anlatın. Sadece ‘aferin’ demeyin, çocuğunuzun ne yaptığını söyleyin. Örneğin: "
        "‘Kız kardeşine yardım ettiğini gördüm. Bu çok tatlıydı.’",
        "Powiedz dziś dziecku, co zauważyłaś lub zauważyłeś. Nazwij to, co zrobiło, a nie tylko ‘dobrze’. Na przykład: "
        "‘Widziałam, że pomogłeś siostrze. To było miłe.’"),
    "Klaar!": ("Done!", "انتهيتم!", "Bitti!", "Gotowe!"),
    "Goed gedaan! Probeer deze week elke dag één ding te zeggen dat goed ging.": (
        "Well done! This week, try to name one thing every day that went well.",
        "أحسنتم! حاولوا هذا الأسبوع أن تذكروا كل يوم شيئًا واحدًا سار بشكل جيد.",
        "Aferin! Bu hafta her gün iyi giden bir şeyi söylemeye çalışın.",
        "Świetnie! W tym tygodniu spróbuj codziennie nazwać jedną rzecz, która się udała."),
    # Module 2
    "Veerkracht versterken": ("Strengthening resilience", "تقوية الصمود", "Dayanıklılığı güçlendirmek", "Wzmacnianie odporności"),
    "module-2-veerkracht-versterken": (
        "module-2-strengthening-resilience", "module-2-taqwiyat-al-sumud", "modul-2-dayaniklilik", "modul-2-wzmacnianie-odpornosci"),
    "Uw kind helpen om sterke punten te zien en door te zetten.": (
        "Helping your child see their strengths and keep going.",
        "مساعدة طفلكم على رؤية نقاط قوته وعلى المثابرة.",
        "Çocuğunuzun güçlü yanlarını görmesine ve pes etmemesine yardım etmek.",
        "Pomóc dziecku dostrzec swoje mocne strony i nie poddawać się."),
    "Uw kind maakte een <b>talentenkaart</b> en oefende met complimenten geven en krijgen. Vraag gerust naar de kaart.": (
        "Your child made a <b>talent card</b> and practised giving and receiving compliments. Feel free to ask about the card.",
        "صنع طفلكم <b>بطاقة مواهب</b> وتدرّب على تقديم المديح وتلقّيه. لا تتردّدوا في السؤال عن البطاقة.",
        "Çocuğunuz bir <b>yetenek kartı</b> hazırladı ve iltifat etmeyi ve iltifat almayı çalıştı. Kartı sormaktan çekinmeyin.",
        "Dziecko zrobiło <b>kartę talentów</b> i ćwiczyło dawanie i przyjmowanie komplementów. Zapytaj śmiało o kartę."),
    "Sterke punten": ("Strengths", "نقاط القوة", "Güçlü yanlar", "Mocne strony"),
    "Talenten zijn niet alleen sport of rekenen. Goed luisteren, doorzetten en anderen helpen zijn ook sterke punten.": (
        "Talents are not just sport or maths. Listening well, keeping going and helping others are strengths too.",
        "المواهب ليست الرياضة أو الحساب فقط. الإصغاء الجيد والمثابرة ومساعدة الآخرين هي أيضًا نقاط قوة.",
        "Yetenek yalnızca spor ya da matematik değildir. İyi dinlemek, pes etmemek ve başkalarına yardım etmek de güçlü yanlardır.",
        "Talenty to nie tylko sport czy matematyka. Uważne słuchanie, wytrwałość i pomaganie innym to także mocne strony."),
    "Een gesprekje": ("A little talk", "حديث قصير", "Küçük bir sohbet", "Krótka rozmowa"),
    "Vraag uw kind: ‘Waar ben jij goed in, denk je?’ en ‘Waar ben ik goed in?’ Luister vooral. Het gaat niet om het "
    "goede antwoord.": (
        "Ask your child: ‘What do you think you are good at?’ and ‘What am I good at?’ Above all, listen. There is no "
        "right answer.",
        "اسألوا طفلكم: «في رأيك، في ماذا أنت جيد؟» و«في ماذا أنا جيد؟» والأهم أن تصغوا. لا توجد إجابة صحيحة واحدة.",
        "Çocuğunuza sorun: ‘Sence sen neyde iyisin?’ ve ‘Ben neyde iyiyim?’ En önemlisi dinleyin. Doğru bir cevap yok.",
        "Zapytaj dziecko: ‘W czym, twoim zdaniem, jesteś dobry?’ i ‘W czym ja jestem dobra?’ Przede wszystkim słuchaj. "
        "Nie chodzi o dobrą odpowiedź."),
    "Doorzetten": ("Keep going", "المثابرة", "Pes etmemek", "Wytrwałość"),
    "Lukt iets niet meteen? Zeg dan: ‘Je kunt het nog niet.’ Dat kleine woord ‘nog’ helpt kinderen om te blijven oefenen.": (
        "Something doesn't work straight away? Then say: ‘You can't do it yet.’ That little word ‘yet’ helps children "
        "keep practising.",
        "ألا ينجح شيء على الفور؟ قولوا إذن: «لا تستطيع ذلك بعد.» كلمة «بعد» الصغيرة تساعد الأطفال على مواصلة التدرّب.",
        "Bir şey hemen olmuyor mu? O zaman şöyle deyin: ‘Bunu henüz yapamıyorsun.’ O küçük ‘henüz’ kelimesi çocukların "
        "alıştırmaya devam etmesine yardım eder.",
        "Coś nie wychodzi od razu? Powiedz wtedy: ‘Jeszcze tego nie umiesz.’ To małe słowo ‘jeszcze’ pomaga dzieciom dalej ćwiczyć."),
    "Klaar! Misschien kunt u samen een plekje zoeken voor de talentenkaart van uw kind.": (
        "Done! Perhaps you can find a place together for your child's talent card.",
        "انتهيتم! ربما يمكنكم أن تبحثوا معًا عن مكان لبطاقة مواهب طفلكم.",
        "Bitti! Belki çocuğunuzun yetenek kartı için birlikte bir yer bulabilirsiniz.",
        "Gotowe! Może razem znajdziecie miejsce na kartę talentów dziecka."),
    "Een korte vraag om samen over na te denken.": (
        "A short question to think about together.", "سؤال قصير للتفكير فيه معًا.",
        "Birlikte düşünmek için kısa bir soru.", "Krótkie pytanie do wspólnego przemyślenia."),
}


def translation_for(dutch: str, language: str) -> str | None:
    row = SEGMENTS.get(dutch)
    return row[LANGUAGES.index(language)] if row else None


@transaction.atomic
def translate(page, language_code: str) -> "Page":  # noqa: F821 - a Wagtail page
    """Translate ``page`` into ``language_code`` with wagtail-localize and publish it.

    Segments without a sample translation keep the Dutch text (wagtail-localize's fallback),
    so a missing sentence never blocks the demo; ``tests/carers`` checks there are none.
    """
    from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

    locale = Locale.objects.get(language_code=language_code)
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        text = translation_for(segment.string.data, language_code)
        if text is not None:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string, locale=locale, context=segment.context,
                defaults={"data": text, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
            )
    # wagtail-localize publishes on commit, from an instance that predates the page's own
    # translated children (their count would be written back as 0). Publish here instead.
    translation.save_target(publish=False)
    target = page.get_translation(locale)
    target.get_latest_revision().publish()
    return target


def load(home, thuis, modules):
    """Home page and index first (a translated page needs its translated parent), then modules."""
    for language in LANGUAGES:
        if not home.get_translations().filter(locale__language_code=language).exists():
            translate(home, language)
        if not thuis.get_translations().filter(locale__language_code=language).exists():
            translate(thuis, language)
        for number in MODULE_NUMBERS:
            translate(modules[number], language)
        grant_translators(home.get_translation(Locale.objects.get(language_code=language)))
