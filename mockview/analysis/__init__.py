"""Answer analysis: pure functions from an answer's text to an :class:`Analysis`.

No I/O and no Textual here; the command line, the TUI and the tests are all
clients of :func:`analyse_answer`.

The names below are loaded on first use: importing one small piece of the
package (a constant, a helper on the stored form) does not load the whole
judge, so the app can show its first question first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mockview.analysis.answer import Analysis, analyse_answer, warm_up

__all__ = ["Analysis", "analyse_answer", "warm_up"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from mockview.analysis import answer

        return getattr(answer, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
