"""Buttons that are their key bindings: labelled from the binding, doing what it does.

A label such as "Practice (p)" is the binding's description and its key as
the footer shows it, so the two can never disagree.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from textual.app import App
from textual.binding import Binding, BindingType
from textual.dom import DOMNode
from textual.widgets import Button
from textual.widgets.button import ButtonVariant


def find_binding(bindings: Iterable[BindingType], binding_id: str) -> Binding:
    """The binding with this id among a screen's ``BINDINGS``."""
    for binding in bindings:
        if isinstance(binding, Binding) and binding.id == binding_id:
            return binding
    raise KeyError(binding_id)


def binding_label(app: App[Any], binding: Binding, label: str | None = None) -> str:
    """"Practice (p)", "Submit (^s)": the binding's description (or a shorter ``label``) and its key."""
    return f"{label or binding.description} ({app.get_key_display(binding)})"


def binding_button(
    app: App[Any],
    binding: Binding,
    *,
    id: str,
    variant: ButtonVariant = "default",
    label: str | None = None,
    action: str | None = None,
) -> Button:
    """A compact button labelled from ``binding`` that runs its action (or ``action``) when pressed.

    ``label`` replaces the binding's description where the button has less
    room; the key always comes from the binding. An action without a
    namespace is the screen's, as it is for the binding.
    """
    chosen = action or binding.action
    if not chosen.startswith(("app.", "screen.")):
        chosen = f"screen.{chosen}"
    return Button(binding_label(app, binding, label), variant, id=id, action=chosen, compact=True)


def button_for(
    node: DOMNode,
    binding_id: str,
    *,
    id: str,
    variant: ButtonVariant = "default",
    label: str | None = None,
    action: str | None = None,
) -> Button:
    """The button for one of ``node``'s own ``BINDINGS``, found by the binding's id."""
    return binding_button(node.app, find_binding(node.BINDINGS, binding_id), id=id, variant=variant, label=label,
                          action=action)
