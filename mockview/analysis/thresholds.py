"""The line a strong answer crosses, apart from the scoring so that renderers can name it cheaply.

:mod:`mockview.analysis.feedback` renders analyses stored long ago and must
not import the judge to say what a "held back" part means.
"""

from __future__ import annotations

STRONG_FROM = 80
"""The score from which an answer with nothing holding it back is strong."""
HELD_BACK = "held back"
"""The score part that keeps a held-back answer one point under :data:`STRONG_FROM`."""
