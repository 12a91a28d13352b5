"""Answer analysis: pure functions from an answer's text to an :class:`Analysis`.

No I/O and no Textual here; the command line, the TUI and the tests are all
clients of :func:`analyse_answer`.
"""

from mockview.analysis.answer import Analysis, analyse_answer

__all__ = ["Analysis", "analyse_answer"]
