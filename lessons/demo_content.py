"""Texts of the lessons demo (sample content written for this site; not taken from the manuals).

Plain data only: ``lessons.demo`` turns it into pages. Class lessons follow the titles of BOUNCE
young's ten sessions, adapted to a lesson of about an hour in groep 7/8; the at-home modules follow
BOUNCE along's chapters; the course has four modules for teachers.
"""

from .programme import ProgrammeType

ASPECTS = [
    ("Zelfkennis", "Self-knowledge", "Weten wat je voelt, wat je goed kunt en wat je belangrijk vindt."),
    ("Sociale vaardigheden", "Social skills", "Samenwerken, luisteren, iets vragen en iets weigeren."),
    ("Anderen begrijpen", "Understanding others", "Je kunnen voorstellen hoe een ander iets beleeft."),
    ("Zelfvertrouwen", "Self-confidence", "Durven staan voor wie je bent en wat je kunt."),
    ("Open blik", "An open view", "Nieuwsgierig zijn naar andere ideeën en mensen, zonder meteen te oordelen."),
    ("Keuzes maken en volgen", "Making and following choices",
     "Zelf nadenken, een keuze maken en daarbij blijven, ook als anderen iets anders willen."),
    ("Omgaan met lastige situaties", "Handling diverging situations",
     "Rustig blijven en hulp zoeken als iets anders loopt dan je verwacht."),
]

# (number, title, summary, goals, aspect indexes, minutes)
LESSONS = [
    (1, "Wie en wat", "Kennismaken met elkaar en met het woord veerkracht: terugveren zoals een bal.",
     ["Ik kan in eigen woorden zeggen wat veerkracht is.", "Ik weet welke afspraken we in deze lessen maken."], [0, 1], 60),
    (2, "Groepswerk", "Samen een opdracht uitvoeren en ontdekken wat een groep sterk maakt.",
     ["Ik kan samenwerken aan een opdracht en iedereen laten meedoen.", "Ik kan zeggen wat onze groep hielp."], [1, 2], 60),
    (3, "Talenten en sterke punten", "Ontdekken wat je goed kunt, en zien wat anderen goed kunnen.",
     ["Ik kan drie sterke punten van mezelf noemen.", "Ik kan een compliment geven en aannemen."], [0, 3], 60),
    (4, "Sterk staan", "Oefenen met rechtop staan voor jezelf: duidelijk ja en nee zeggen.",
     ["Ik kan op een rustige manier nee zeggen.", "Ik weet hoe mijn houding en stem helpen."], [3, 5], 55),
    (5, "Sterk blijven", "Wat doe je als iets tegenzit? Gedachten die je helpen weer op te staan.",
     ["Ik kan een helpende gedachte bedenken bij een tegenvaller.", "Ik weet bij wie ik terechtkan."], [3, 6], 60),
    (6, "Voel je het?", "Gevoelens herkennen bij jezelf en bij anderen, met de gevoelsthermometer.",
     ["Ik kan vier gevoelens herkennen en benoemen.", "Ik kan vertellen wat ik in mijn lijf merk bij een gevoel."], [0, 2], 60),
    (7, "Informatie en invloed", "Hoe weet je of iets klopt? Over berichten, filmpjes en groepsdruk.",
     ["Ik kan drie vragen stellen bij een bericht dat ik zie.", "Ik merk wanneer anderen mij iets willen laten vinden."], [4, 5], 60),
    (8, "Denk erover na", "Meningen verschillen. Luisteren naar een ander en zelf een keuze maken.",
     ["Ik kan een mening geven met een reden erbij.", "Ik kan luisteren naar een mening die anders is dan de mijne."], [2, 4], 60),
    (9, "Verbonden identiteit", "Je hoort bij veel groepen tegelijk: thuis, de klas, de club, je buurt.",
     ["Ik kan laten zien bij welke groepen ik hoor.", "Ik ontdek wat ik deel met klasgenoten die anders lijken."], [0, 4], 60),
    (10, "Toekomstbestendig", "Terugkijken op de lessen en vooruitkijken: wat neem je mee naar groep 8 of de brugklas?",
     ["Ik kan zeggen wat ik geleerd heb over mezelf.", "Ik weet wat ik kan doen als het een keer tegenzit."], [5, 6], 60),
]

# Lessons 1 and 3 are complete: preparation, exercises, discussion questions and a worksheet.
LESSON_1 = {
    "materials": ["Een stuiterbal of tennisbal", "Een groot vel papier voor de groepsafspraken", "Werkblad ‘Mijn bal’ (één per leerling)"],
    "preparation": [
        ("paragraph", "<p>In deze eerste les leren de leerlingen elkaar op een nieuwe manier kennen en maakt u samen "
         "afspraken voor de hele reeks. Het woord <b>veerkracht</b> staat centraal: net als een bal die valt en weer "
         "omhoog stuitert, kun je na een tegenvaller weer opveren.</p><p>Lees de oefeningen vooraf door en hang het vel "
         "voor de afspraken op een plek waar het alle tien de lessen kan blijven hangen.</p>"),
        ("callout", {"kind": "tip", "title": "Veiligheid eerst",
                     "text": "<p>Niemand hoeft iets persoonlijks te vertellen. Zeg aan het begin dat ‘pas’ altijd mag.</p>"}),
        ("worksheet", "bal"),
    ],
    "steps": [
        ("Opening: de stuiterbal", 10, [
            ("paragraph", "<p>Laat een stuiterbal vallen. Vraag: wat gebeurt er? Wat zou er gebeuren met een ei? "
             "Vertel dat de lessen gaan over stuiteren als het tegenzit: veerkracht.</p>"),
        ]),
        ("Kennismaken met een twist", 20, [
            ("exercise", {
                "title": "Drie dingen over mij", "aim": "Elkaar beter leren kennen en ontdekken wat je deelt.",
                "duration_minutes": 20, "grouping": "tweetallen", "materials": ["Werkblad ‘Mijn bal’"],
                "steps": ["Iedereen schrijft op de bal van het werkblad drie dingen die de ander nog niet van hem of haar weet.",
                          "Wissel in tweetallen uit en zoek één ding dat jullie allebei hebben.",
                          "Een paar tweetallen vertellen in de kring wat ze deelden."],
                "debrief": ["Wat vond je verrassend?", "Was het makkelijk of moeilijk om iets over jezelf te vertellen?"],
            }),
        ]),
        ("Onze afspraken", 20, [
            ("discussion", {"title": "Gespreksvragen", "intro": "Verzamel de antwoorden op het grote vel.",
                            "questions": ["Wat heb jij nodig om je veilig te voelen in deze groep?",
                                          "Hoe laten we merken dat we naar elkaar luisteren?",
                                          "Wat doen we als iemand even niets wil zeggen?"]}),
            ("paragraph", "<p>Maak van de antwoorden vier of vijf afspraken en laat iedereen tekenen.</p>"),
        ]),
        ("Afsluiting", 10, [
            ("paragraph", "<p>Iedereen maakt het gebaar van een stuiterende bal en noemt één woord over hoe de les was. "
             "Vertel dat thuis ook iets over deze les te lezen is, in de thuismodule.</p>"),
        ]),
    ],
}

LESSON_3 = {
    "materials": ["Werkblad ‘Mijn talentenkaart’ (één per leerling)", "Kleurpotloden", "Een doos met complimentenkaartjes"],
    "preparation": [
        ("paragraph", "<p>Kinderen in groep 7 en 8 vergelijken zich veel met anderen. Sommigen vinden dat ze ‘nergens goed in’ "
         "zijn. Deze les laat zien dat talenten er in veel vormen zijn: goed luisteren, doorzetten en grappig zijn horen er ook bij.</p>"),
        ("callout", {"kind": "note", "title": "Let op",
                     "text": "<p>Let op leerlingen die weinig complimenten krijgen. Geef zelf ook complimenten, zodat iedereen er een paar heeft.</p>"}),
        ("worksheet", "talenten"),
    ],
    "steps": [
        ("Wat is een talent?", 10, [
            ("discussion", {"title": "Kringgesprek", "intro": "",
                            "questions": ["Noem iemand die ergens heel goed in is. Hoe weet je dat?",
                                          "Kun je ook goed zijn in iets wat je niet kunt zien, zoals troosten?"]}),
        ]),
        ("Mijn talentenkaart", 20, [
            ("exercise", {
                "title": "Talentenkaart", "aim": "Ontdekken welke sterke punten je hebt, ook de minder zichtbare.",
                "duration_minutes": 20, "grouping": "alleen", "materials": ["Werkblad ‘Mijn talentenkaart’", "Kleurpotloden"],
                "steps": ["Kleur op de kaart de talenten die bij jou passen.", "Schrijf bij één talent een moment waarop je het liet zien.",
                          "Kies één talent dat je dit jaar verder wilt laten groeien."],
                "debrief": ["Welk talent had je nog niet eerder bij jezelf gezien?", "Wie helpt jou om dat talent te laten groeien?"],
            }),
        ]),
        ("Complimentenregen", 20, [
            ("exercise", {
                "title": "Complimentenregen", "aim": "Oefenen met het geven en aannemen van een compliment.",
                "duration_minutes": 20, "grouping": "groep", "materials": ["Complimentenkaartjes"],
                "steps": ["Iedereen trekt een naam en schrijft een compliment over een sterk punt van die klasgenoot.",
                          "Lees de kaartjes om de beurt voor. Wie het compliment krijgt, zegt alleen ‘dankjewel’."],
                "debrief": ["Hoe voelde het om een compliment te krijgen?", "Waarom is ‘dankjewel’ soms lastig?"],
            }),
        ]),
        ("Afsluiting", 10, [
            ("paragraph", "<p>Hang de talentenkaarten op of laat ze mee naar huis nemen. De thuismodule van deze week gaat ook over sterke punten.</p>"),
        ]),
    ],
}

# Short lessons: (step title, minutes, text) x 3
SHORT_STEPS = {
    2: [("Opwarmer: samen tellen", 10, "<p>De groep telt om de beurt tot twintig, zonder af te spreken wie. Zeggen twee tegelijk een getal? Dan begint u opnieuw.</p>"),
        ("De hoogste toren", 35, "<p>In groepjes van vier bouwen de leerlingen met twintig vellen papier en plakband een zo hoog mogelijke toren. Geef elk groepje een rol per persoon.</p>"),
        ("Terugblik", 15, "<p>Bespreek: wie kwam met een idee? Werd iedereen gehoord? Wat zou je de volgende keer anders doen?</p>")],
    4: [("Houding en stem", 15, "<p>Laat de leerlingen lopen als iemand die onzeker is en daarna als iemand die zich sterk voelt. Wat verandert er?</p>"),
        ("Nee zeggen oefenen", 30, "<p>In tweetallen oefenen de leerlingen korte situaties, zoals een vriend die je huiswerk wil overschrijven. Ze zeggen rustig nee en leggen kort uit waarom.</p>"),
        ("Afsluiting", 10, "<p>Iedereen noemt een situatie waarin hij of zij nee wil kunnen zeggen.</p>")],
    5: [("Een tegenvaller", 15, "<p>Vertel een kort verhaal over een kind dat niet in het team wordt gekozen. Wat denkt het? Wat voelt het?</p>"),
        ("Helpende gedachten", 30, "<p>Zet naast elke niet-helpende gedachte (‘ik kan niks’) samen een helpende gedachte (‘ik kan oefenen’). Maak er een muur van helpende gedachten van.</p>"),
        ("Mijn steunpunten", 15, "<p>Iedereen tekent een hand en schrijft bij elke vinger iemand bij wie hij of zij terechtkan.</p>")],
    6: [("Gevoelens raden", 15, "<p>Een leerling beeldt een gevoel uit zonder woorden, de groep raadt het.</p>"),
        ("De gevoelsthermometer", 30, "<p>Bespreek hoe een gevoel kan groeien van een beetje naar heel erg. Waar merk je dat in je lijf? Wat helpt om weer af te koelen?</p>"),
        ("Afsluiting", 15, "<p>Iedereen wijst aan waar hij of zij nu op de thermometer staat, als dat wil.</p>")],
    7: [("Klopt dit?", 15, "<p>Laat drie korte berichten zien: een echt nieuwsbericht, een advertentie en een verzonnen bericht. Welke is welke?</p>"),
        ("Drie vragen", 30, "<p>Oefen met drie vragen: wie maakte dit? Waarom? Wat wil die persoon dat ik denk of doe? Pas ze toe op berichten die leerlingen zelf kennen.</p>"),
        ("Groepsdruk", 15, "<p>Bespreek: wanneer deed je iets omdat anderen het deden? Hoe kun je dan toch je eigen keuze maken?</p>")],
    8: [("Stellingenspel", 25, "<p>Lees stellingen voor, zoals ‘huiswerk is nuttig’. Leerlingen kiezen een kant van het lokaal en geven een reden.</p>"),
        ("Van kant wisselen", 20, "<p>Vraag een paar leerlingen een goede reden te noemen voor de andere kant. Hoe was dat?</p>"),
        ("Afsluiting", 15, "<p>Bespreek: kun je iemand respecteren met wie je het oneens bent?</p>")],
    9: [("Mijn cirkels", 20, "<p>Iedereen tekent cirkels rond zijn of haar naam: familie, vrienden, club, buurt, geloof of cultuur, muziek. Alleen wat je zelf wilt laten zien.</p>"),
        ("Wat delen we?", 25, "<p>Loop rond en zoek iemand met wie je een cirkel deelt die je niet had verwacht.</p>"),
        ("Afsluiting", 15, "<p>Bespreek: wat maakt een groep sterk als iedereen anders is?</p>")],
    10: [("Terugblik", 20, "<p>Leg tien kaarten neer met de titels van de lessen. Iedereen legt een stuiterbal bij de les die hem of haar het meest is bijgebleven.</p>"),
         ("Brief aan mezelf", 25, "<p>Leerlingen schrijven een korte brief aan zichzelf voor later: wat kan ik als het een keer tegenzit?</p>"),
         ("Feestelijke afsluiting", 15, "<p>Deel de bewijzen van deelname uit en bedank de groep.</p>")],
}

# (number, title, summary, child_learned, steps [(title, html)], done_text)
HOME_MODULES = [
    (1, "Een positieve blik", "Kijken naar wat goed gaat bij uw kind, en dat ook zeggen.",
     "<p>Uw kind maakte kennis met het woord <b>veerkracht</b>: net als een bal weer omhoog stuiteren als het tegenzit. "
     "De groep maakte samen afspraken om veilig met elkaar te praten.</p>",
     [("Wat is veerkracht?", "<p>Veerkracht betekent: na een tegenvaller weer opstaan. Ieder kind heeft veerkracht. U kunt die laten groeien door te laten zien wat al goed gaat.</p>"),
      ("Kijk naar wat goed gaat", "<p>Denk aan de afgelopen week. Wanneer deed uw kind iets waar u blij van werd? Het mag iets kleins zijn, zoals helpen met afruimen of een grapje maken.</p>"),
      ("Zeg het hardop", "<p>Vertel uw kind vandaag wat u zag. Zeg wat uw kind deed, niet alleen ‘goed zo’. Bijvoorbeeld: ‘Ik zag dat je je zusje hielp. Dat vond ik lief.’</p>")],
     "<p>Goed gedaan! Probeer deze week elke dag één ding te zeggen dat goed ging.</p>"),
    (2, "Veerkracht versterken", "Uw kind helpen om sterke punten te zien en door te zetten.",
     "<p>Uw kind maakte een <b>talentenkaart</b> en oefende met complimenten geven en krijgen. Vraag gerust naar de kaart.</p>",
     [("Sterke punten", "<p>Talenten zijn niet alleen sport of rekenen. Goed luisteren, doorzetten en anderen helpen zijn ook sterke punten.</p>"),
      ("Een gesprekje", "<p>Vraag uw kind: ‘Waar ben jij goed in, denk je?’ en ‘Waar ben ik goed in?’ Luister vooral. Het gaat niet om het goede antwoord.</p>"),
      ("Doorzetten", "<p>Lukt iets niet meteen? Zeg dan: ‘Je kunt het nog niet.’ Dat kleine woord ‘nog’ helpt kinderen om te blijven oefenen.</p>")],
     "<p>Klaar! Misschien kunt u samen een plekje zoeken voor de talentenkaart van uw kind.</p>"),
    (3, "Relaties en communicatie", "Praten en luisteren, ook over gevoelens.",
     "<p>Uw kind oefende met gevoelens herkennen, met een <b>gevoelsthermometer</b>: van een beetje boos tot heel erg boos.</p>",
     [("Gevoelens mogen er zijn", "<p>Boos, bang, verdrietig of blij: alle gevoelens zijn normaal. Kinderen leren er beter mee omgaan als ze er woorden voor hebben.</p>"),
      ("Luisteren zonder oplossen", "<p>Vertelt uw kind iets wat moeilijk was? Probeer eerst alleen te luisteren en te zeggen wat u hoort: ‘Dat vond je echt niet eerlijk.’</p>"),
      ("Samen afkoelen", "<p>Spreek samen af wat helpt als het gevoel heel groot wordt: even naar buiten, diep ademhalen of iets drinken.</p>")],
     "<p>Goed gedaan! Vraag deze week een keer: ‘Waar sta jij vandaag op de thermometer?’</p>"),
    (4, "Zorgen en lastige situaties", "Wat doet u als u zich zorgen maakt over uw kind of als er iets vervelends gebeurt?",
     "<p>Uw kind dacht na over de groepen waar het bij hoort en over wat het wil meenemen naar de toekomst.</p>",
     [("Iedereen maakt iets mee", "<p>Ruzie met een vriend, pesten of nare beelden op internet: kinderen maken soms lastige dingen mee. Dat is niet uw schuld en ook niet die van uw kind.</p>"),
      ("Praat erover", "<p>Vraag af en toe rustig hoe het gaat, bijvoorbeeld in de auto of tijdens het koken. Veel kinderen praten makkelijker als u niet tegenover ze zit.</p>"),
      ("U staat er niet alleen voor", "<p>Maakt u zich zorgen? Praat met de leerkracht of de intern begeleider van de school. Ook het wijkteam of de jeugdgezondheidszorg denkt graag met u mee.</p>")],
     "<p>Klaar! Onthoud: de school is er ook voor u. U mag altijd een gesprek vragen.</p>"),
    (5, "Informatie en media", "Samen met uw kind kritisch kijken naar berichten en filmpjes.",
     "<p>Uw kind leerde drie vragen stellen bij een bericht: wie maakte dit, waarom, en wat wil die persoon dat ik denk?</p>",
     [("Wat ziet uw kind?", "<p>Vraag uw kind om u een filmpje of bericht te laten zien dat het leuk vindt. Kijk samen en wees nieuwsgierig.</p>"),
      ("De drie vragen", "<p>Stel samen de drie vragen: wie maakte dit? Waarom? Wat wil die persoon dat ik denk of doe? Er is geen fout antwoord.</p>"),
      ("Afspraken thuis", "<p>Maak samen een paar afspraken over schermen, bijvoorbeeld geen telefoon aan tafel. Afspraken werken beter als uw kind meedenkt.</p>")],
     "<p>Goed gedaan! Vraag af en toe: ‘Heb je iets gezien wat je raar vond?’</p>"),
]
LESSON_TO_MODULE = {1: 1, 2: 1, 3: 2, 4: 2, 5: 3, 6: 3, 7: 5, 8: 5, 9: 4, 10: 4}

# (number, title, summary, minutes, paragraphs, knowledge check (question, [(choice, correct)], explanation))
COURSE = [
    (1, "Wat is veerkracht?", "De achtergrond van het programma en de zeven aspecten van veerkracht.", 45,
     ["<p>Veerkracht is het vermogen om na tegenslag weer op te veren. Het is geen eigenschap die je wel of niet hebt: "
      "kinderen kunnen het oefenen. Het programma werkt aan zeven aspecten, van zelfkennis tot omgaan met lastige situaties.</p>",
      "<p>De lessen gaan uit van wat kinderen al kunnen. U legt de nadruk op welzijn en op de groep als veilige plek.</p>"],
     ("Wat is het uitgangspunt van de lessen?",
      [("Kinderen met problemen opsporen", False), ("Versterken wat kinderen al kunnen", True), ("Kinderen toetsen op kennis", False)],
      "De lessen versterken welzijn en veerkracht van de hele groep; ze zijn geen screening.")),
    (2, "Een veilig groepsklimaat", "Afspraken maken, gesprekken leiden en omgaan met ‘pas’.", 45,
     ["<p>Kinderen vertellen alleen iets als ze zich veilig voelen. Maak in de eerste les samen afspraken en kom erop terug.</p>",
      "<p>Laat ‘pas’ altijd toe. Stel open vragen, vat samen en laat stiltes bestaan. U hoeft niet alles op te lossen.</p>"],
     ("Een leerling zegt ‘pas’ bij een gespreksvraag. Wat doet u?",
      [("Doorvragen tot de leerling iets zegt", False), ("Het accepteren en later even contact maken", True), ("De leerling een andere opdracht geven", False)],
      "‘Pas’ zeggen hoort bij een veilige groep. Een kort contact na de les laat merken dat u het ziet.")),
    (3, "Zorgen over een kind", "Signalen zien, het gesprek aangaan en weten wie u inschakelt.", 60,
     ["<p>Soms vertelt een kind iets wat u zorgen baart, of ziet u dat het veranderd is. Blijf rustig, luister en beloof geen geheimhouding.</p>",
      "<p>Bespreek uw zorg met de intern begeleider en volg de meldcode van uw school. Bij zorgen over polarisatie of extreme ideeën "
      "denkt ook het netwerk van de gemeente mee, bijvoorbeeld via de casustafel.</p>"],
     ("Een leerling vertelt u na de les iets zorgwekkends en vraagt het geheim te houden. Wat zegt u?",
      [("‘Ik beloof dat ik het aan niemand vertel.’", False),
       ("‘Ik ga je helpen, en daarvoor moet ik het misschien met iemand delen. Ik vertel je eerst met wie.’", True)],
      "Geheimhouding kunt u niet beloven; wel dat u het kind meeneemt in wat u doet.")),
    (4, "Samen met ouders en verzorgers", "Ouders betrekken met de thuismodules, en bijhouden wat u gaf.", 40,
     ["<p>Bij elke les hoort een korte thuismodule. Deel de code van uw groep met ouders, bijvoorbeeld via de schoolapp of op een ouderavond.</p>",
      "<p>Houd na elke les kort bij wat u gaf en hoe het ging. Zo ziet de coördinator wat werkt en waar scholen hulp nodig hebben.</p>"],
     ("Waarom registreert u welke lessen u gaf?",
      [("Om leerlingen te beoordelen", False), ("Om te zien of het programma zo wordt gegeven als bedoeld, en wat scholen nodig hebben", True)],
      "De registratie gaat over de lessen, niet over leerlingen: er worden geen gegevens van kinderen bewaard.")),
]

EN_INDEXES = {
    ProgrammeType.CLASS: ("Lessons for groep 7 and 8", "lessons", "<p>Ten lessons on resilience for groep 7 and 8 (ages 10 to 12), for teachers. The lessons themselves are in Dutch.</p>"),
    ProgrammeType.HOME: ("At-home modules", "at-home", "<p>Short modules for parents and carers, ten to fifteen minutes each. No account needed.</p>"),
    ProgrammeType.COURSE: ("Course for teachers", "course", "<p>Four modules that prepare teachers for the lessons. The modules themselves are in Dutch.</p>"),
}
