"""Texts in languages Palmarès does not read must not pass for one it does (Dutch vs Afrikaans, Danish vs Norwegian).

All sentences are invented for these tests.
"""

from __future__ import annotations

import pytest

from nlp.language import detect_document, detect_language
from nlp.language.detector import SUPPORTED

OTHER = {
    "sv": [
        "Hon vann loppet på tio kilometer med nästan en minuts marginal till tvåan.",
        "Laget har inte förlorat en enda match på hemmaplan sedan i våras.",
        "Tränaren säger att spelarna måste bli bättre på att försvara sig i slutet av matcherna.",
        "Efter tre raka segrar ligger klubben nu på första plats i tabellen.",
        "Det var en tuff säsong, men vi kämpade hela vägen till den sista omgången.",
        "Landslaget spelar nästa vecka två träningsmatcher mot Finland och Norge.",
    ],
    "da": [
        "Hun vandt løbet på ti kilometer med næsten et minuts forspring til nummer to.",
        "Holdet har ikke tabt en eneste kamp på hjemmebane siden sidste forår.",
        "Træneren siger, at spillerne skal blive bedre til at forsvare sig i slutningen af kampene.",
        "Efter tre sejre i træk ligger klubben nu på førstepladsen i tabellen.",
        "Det var en hård sæson, men vi kæmpede hele vejen til den sidste runde.",
        "Landsholdet spiller i næste uge to træningskampe mod Sverige og Norge.",
    ],
    "no": [
        "Hun vant løpet på ti kilometer med nesten ett minutts forsprang til nummer to.",
        "Laget har ikke tapt en eneste kamp på hjemmebane siden i fjor vår.",
        "Treneren sier at spillerne må bli flinkere til å forsvare seg på slutten av kampene.",
        "Etter tre strake seire ligger klubben nå på førsteplass i tabellen.",
        "Det var en tøff sesong, men vi kjempet hele veien til siste runde.",
        "Landslaget spiller to treningskamper mot Sverige og Danmark neste uke.",
    ],
    "af": [
        "Sy het die wedloop oor tien kilometer met byna 'n minuut se voorsprong gewen.",
        "Die span het nog nie een wedstryd tuis verloor sedert verlede lente nie.",
        "Die afrigter sê die spelers moet beter word om hulself aan die einde van die wedstryde te verdedig.",
        "Ná drie oorwinnings op 'n ry is die klub nou eerste op die puntelys.",
        "Dit was 'n moeilike seisoen, maar ons het tot die laaste rondte geveg.",
        "Die nasionale span speel volgende week twee oefenwedstryde teen Namibië en Botswana.",
    ],
    "cs": [
        "Závod na deset kilometrů vyhrála s náskokem téměř jedné minuty na druhou závodnici.",
        "Tým neprohrál na domácím hřišti ani jeden zápas od loňského jara.",
        "Trenér říká, že se hráči musí zlepšit v obraně na konci zápasů.",
        "Po třech vítězstvích v řadě je klub nyní na prvním místě tabulky.",
        "Byla to těžká sezóna, ale bojovali jsme až do posledního kola.",
        "Reprezentace odehraje příští týden dva přátelské zápasy proti Polsku a Rakousku.",
    ],
    "sk": [
        "Preteky na desať kilometrov vyhrala s náskokom takmer jednej minúty pred druhou pretekárkou.",
        "Tím neprehral na domácom ihrisku ani jeden zápas od minulej jari.",
        "Tréner hovorí, že hráči sa musia zlepšiť v obrane na konci zápasov.",
        "Po troch víťazstvách za sebou je klub teraz na prvom mieste tabuľky.",
        "Bola to ťažká sezóna, ale bojovali sme až do posledného kola.",
        "Reprezentácia odohrá budúci týždeň dva prípravné zápasy proti Poľsku a Maďarsku.",
    ],
    "ca": [
        "Va guanyar la cursa de deu quilòmetres amb gairebé un minut d'avantatge sobre la segona.",
        "L'equip no ha perdut cap partit a casa des de la primavera passada.",
        "L'entrenador diu que els jugadors han de millorar la defensa al final dels partits.",
        "Després de tres victòries seguides, el club és ara el primer de la classificació.",
        "Ha estat una temporada difícil, però hem lluitat fins a l'última jornada.",
        "La selecció jugarà la setmana vinent dos partits amistosos contra Andorra i Portugal.",
    ],
    "ro": [
        "Ea a câștigat cursa de zece kilometri cu un avans de aproape un minut.",
        "Echipa nu a pierdut niciun meci pe teren propriu din primăvara trecută.",
        "Antrenorul spune că jucătorii trebuie să se apere mai bine la finalul meciurilor.",
    ],
    "hr": [
        "Utrku na deset kilometara osvojila je s prednošću od gotovo jedne minute.",
        "Momčad nije izgubila nijednu utakmicu na domaćem terenu od prošlog proljeća.",
        "Trener kaže da se igrači moraju bolje braniti na kraju utakmica.",
    ],
    "fi": [
        "Hän voitti kymmenen kilometrin kilpailun lähes minuutin erolla toiseksi tulleeseen.",
        "Joukkue ei ole hävinnyt yhtään kotiottelua viime kevään jälkeen.",
        "Valmentajan mukaan pelaajien täytyy puolustaa paremmin otteluiden lopussa.",
    ],
    "tr": [
        "On kilometrelik yarışı ikinciye yaklaşık bir dakika fark atarak kazandı.",
        "Takım geçen bahardan bu yana iç sahada tek bir maç kaybetmedi.",
        "Teknik direktör, oyuncuların maçların sonunda daha iyi savunma yapması gerektiğini söyledi.",
    ],
}

CASES = [(language, text) for language, texts in OTHER.items() for text in texts]
HIGH_CONFIDENCE = 0.5


@pytest.mark.parametrize(("language", "text"), CASES)
def test_other_language_is_never_claimed_as_a_supported_one(language: str, text: str) -> None:
    guess = detect_language(text)
    assert not (guess.language in SUPPORTED and guess.confidence >= HIGH_CONFIDENCE), guess


@pytest.mark.parametrize(("language", "text"), CASES)
def test_other_language_is_named(language: str, text: str) -> None:
    assert detect_language(text).language == language


@pytest.mark.parametrize("language", ["af", "da", "no", "sv", "cs", "sk", "ca"])
def test_whole_article_in_another_language_is_named(language: str) -> None:
    document, blocks = detect_document(OTHER[language])
    assert document.language == language
    assert document.confidence > 0.99
    assert {guess.language for guess in blocks} == {language}


def test_afrikaans_is_not_dutch_and_dutch_is_not_afrikaans() -> None:
    assert detect_language("Die span het die wedstryd ná 'n moeilike eerste helfte gewen.").language == "af"
    assert detect_language("De ploeg heeft de wedstrijd na een moeilijke eerste helft gewonnen.").language == "nl"


def test_norwegian_and_danish_are_told_apart() -> None:
    assert detect_language("Hun vant løpet etter en sterk avslutning på siste runde.").language == "no"
    assert detect_language("Hun vandt løbet efter en stærk afslutning på sidste omgang.").language == "da"


def test_hint_for_a_supported_language_does_not_turn_swedish_into_it() -> None:
    assert detect_language(OTHER["sv"][0], hint="nl").language == "sv"
