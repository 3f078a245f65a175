"""Safe-harbour calculators: when does cooperation in healthcare stay clear of the cartel ban?

- ``de_minimis``: Mededingingswet art. 7 and 8 (bagatelvoorziening);
- ``small_providers``: ACM, small providers negotiating together with an insurer (3 conditions);
- ``jzojp``: ACM Beleidsregel "de juiste zorg op de juiste plek" (Stcrt. 2019, 71148; 5 conditions);
- ``insurers``: NMa Informatiekaart on insurers cooperating in selective purchasing (routes A/B/C);
- ``consortium``: VWS letter of 4 March 2014 on consortia of small providers;
- ``information_sharing``: what may be shared, from the catalogue in ``information_catalogue``.

Legal values live in ``params``; shared input helpers in ``common``.
"""
