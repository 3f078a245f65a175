"""Calculators of the contracting process as a whole (Handvatten Zorgcontractering, chapters 4 and 5):

- ``self_audit``: every norm that applies to an insurer or a provider, asked as a duty; the dates
  themselves are checked by ``zorgcalc.deadlines`` and come from its parameters.
"""
