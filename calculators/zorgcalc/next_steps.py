"""What to do next, after a verdict (issue 15): the step that fits the outcome, in words, with
links only to addresses the published sources give.

Where each step comes from:

- talk to the other party first, then at board level, then a report to the NZa: the NZa's
  escalation ladder, Handvatten Zorgcontractering § 3.1.1 (face-to-face) and § 3.1.2 (digital:
  also through the branch organisation, which must not negotiate itself, or anonymously through
  the NZa's reporting point); disputes to the Nederlands Arbitrage Instituut (NAI), § 3.1.1;
- questions about competition rules: the ACM's healthcare team, vragen.zorg@acm.nl ("Vragen of
  signalen voor de ACM?", ACM, *Samenwerken in de zorgsector*);
- what branch organisations may do for their members: the ACM's Leidraad Brancheorganisaties en
  zorgcontractering, as the same ACM page summarises it.

A step is data: its Dutch text, with ``{name}`` where a link of :data:`LINKS` goes. The renderer
(render_html.py) makes the links; this module decides nothing about the law.
"""

from __future__ import annotations

from typing import Any

# name -> (address: a site page relative to the site root, or a mailto:, as the sources give it; text)
LINKS: dict[str, tuple[str, str]] = {
    "ladder": ("handvatten/3-toezicht/#paragraaf-3-1-1", "escalatieladder van de NZa (Handvatten § 3.1.1)"),
    "digital": ("handvatten/3-toezicht/#paragraaf-3-1-2", "Handvatten § 3.1.2"),
    "acm-questions": ("acm/samenwerken-in-de-zorgsector/#vragen-of-signalen-voor-de-acm",
                      "Vragen of signalen voor de ACM?"),
    "acm-mail": ("mailto:vragen.zorg@acm.nl", "vragen.zorg@acm.nl"),
    "branch": ("acm/samenwerken-in-de-zorgsector/#brancheorganisaties-van-zorgaanbieders-en-zorgverzekeraars",
               "wat brancheorganisaties mogen (ACM)"),
}

_TALK = ("Bespreek het eerst met de andere partij: de NZa vraagt zorgverzekeraar en zorgaanbieder eerst samen te "
         "bekijken wat beter kan, daarna op bestuurlijk niveau ({ladder}).")
_REPORT = ("Lukt dat niet, dan kunt u een melding doen bij de NZa; bij digitale contractering ook anoniem, bij het "
           "meldpunt van de NZa ({digital}). Voor een geschil bieden mediation, bindend advies en arbitrage bij het "
           "Nederlands Arbitrage Instituut (NAI) een weg.")
_BRANCH_ESCALATE = ("Uw brancheorganisatie kan helpen escaleren, zolang zij niet zelf voor u onderhandelt "
                    "({digital}).")
_KEEP = "Bewaar deze uitkomst bij uw dossier (afdrukken of de link kopiëren): het is een indicatie, geen oordeel."
_ANSWER = ("Beantwoord de open vragen waar u kunt; wat u niet weet, laat de uitkomst open in plaats van haar "
           "gunstiger te maken.")
_ACM = ("Twijfelt u of uw samenwerking mag? Leg uw vraag voor aan het zorgteam van de ACM ({acm-mail}; "
        "{acm-questions}) voordat u afspraken maakt.")
_BRANCH_ADVISE = "Uw brancheorganisatie kan u voorlichten over wat wel mag, zonder concurrentiegevoelige informatie te delen ({branch})."
_STOP = ("Maak deze afspraken niet, of zet ze stop, totdat u zeker weet dat ze mogen; vraag zo nodig juridisch advies.")

# contracting calculators (their result says how binding regulation and richtsnoeren fared) by verdict tone
CONTRACTING: dict[str, tuple[str, ...]] = {
    "bad": (_TALK, _REPORT, _BRANCH_ESCALATE),
    "caution": ("Een richtsnoer is niet bindend, maar de NZa verwacht dat het doel ervan wordt bereikt. " + _TALK,
                _REPORT, _BRANCH_ESCALATE),
    "neutral": (_ANSWER, "Loopt het contracteerproces vast, volg dan de " + "{ladder}."),
    "good": (_KEEP,),
}
# competition calculators (safe harbours, information sharing) by verdict tone
COMPETITION: dict[str, tuple[str, ...]] = {
    "bad": (_STOP, _ACM, _BRANCH_ADVISE),
    "caution": (_ACM, _BRANCH_ADVISE),
    "neutral": (_ANSWER, _ACM),
    "good": (_KEEP, "Leg vast waarom aan elke voorwaarde is voldaan, en kijk opnieuw als de feiten veranderen."),
}


def steps(result: dict[str, Any], tone: str) -> tuple[str, ...]:
    """The next steps for a result envelope with the given verdict tone (none for an error)."""
    if not result.get("ok"):
        return ()
    table = CONTRACTING if "regulation" in result else COMPETITION
    return table.get(tone, ())
