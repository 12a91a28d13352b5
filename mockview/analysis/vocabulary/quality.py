"""quality."""

from __future__ import annotations

from mockview.analysis.vocabulary.model import Concept

CONCEPTS: tuple[Concept, ...] = ()
