"""Debriefs of real interviews: what happened, what went right and wrong, and why.

A debrief is read from YAML (``mockview debrief add --file``, see
:mod:`.file`) or filled in the app (:mod:`.form`), checked like a bank
(every problem with its ``file:line:column``), and stored
(:mod:`.storage`) in one atomic block together with a re-drill item for
every question marked fumbled, so that nothing is ever half-saved.
:mod:`.text` reads one back; :mod:`.model` holds what all of them share.
"""
