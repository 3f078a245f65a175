"""The `deadlines` calculator: contracting deadlines of the Regeling transparantie
zorgcontractering Zvw (TH/NR-038) and the NZa richtsnoeren, as restated in the NZa
"Handvatten Zorgcontractering" (1 March 2026), with Algemene termijnenwet flags.

Layout (rules as data, code apart):

- ``params``    the dates, periods and their sources (one place to check against the law);
- ``atw_data``  the Atw art. 3 holidays and the decree days (art. 3 lid 3), with sources;
- ``atw``       holiday arithmetic: Easter, flags, the non-binding "Atw naar analogie" date;
- ``inputs``    validation of the JSON inputs into a typed ``Inputs`` object;
- ``rules``     one function per legal condition, each returning a ``Condition``;
- ``calculator`` the public module (``compute`` and what ``zorgcalc.spec`` lists);
- ``render``    the text and iCalendar (RFC 5545) renderings.
"""
