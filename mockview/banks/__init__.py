"""Question banks: the model, YAML loading with positions, validation, discovery."""

from mockview.banks.model import Bank, Keyword, Question, fill_placeholders
from mockview.banks.problems import Problem

__all__ = ["Bank", "Keyword", "Problem", "Question", "fill_placeholders"]
