"""One builder for the SELECTs whose filters are optional.

Listing sessions, attempts or the schedule takes a handful of optional
filters; writing ``WHERE ... AND ...`` by hand for each, with its argument
list kept in step, is where placeholders and arguments drift apart. A
:class:`Select` keeps each clause next to its value and renders the SQL
once. It builds text only; :class:`~mockview.store.repository.History`
runs it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True, slots=True)
class Select:
    """``SELECT columns FROM source [WHERE ...] [ORDER BY ...] [LIMIT ?]``."""

    source: str
    columns: str = "*"
    clauses: tuple[str, ...] = ()
    args: tuple[object, ...] = ()
    order: str = ""
    limit: int | None = None

    def where(self, clause: str, *args: object) -> Select:
        """Add a condition that always applies; ``?`` placeholders take ``args``."""
        return replace(self, clauses=(*self.clauses, clause), args=(*self.args, *args))

    def where_given(self, clause: str, value: object | None) -> Select:
        """Add a condition with one ``?`` only when ``value`` was given (is not ``None``)."""
        return self if value is None else self.where(clause, value)

    def order_by(self, order: str) -> Select:
        return replace(self, order=order)

    def limited(self, limit: int | None) -> Select:
        """At most ``limit`` rows; ``None`` for all of them."""
        return replace(self, limit=limit)

    @property
    def sql(self) -> str:
        sql = f"SELECT {self.columns} FROM {self.source}"
        if self.clauses:
            sql += " WHERE " + " AND ".join(self.clauses)
        if self.order:
            sql += f" ORDER BY {self.order}"
        if self.limit is not None:
            sql += " LIMIT ?"
        return sql

    @property
    def params(self) -> tuple[object, ...]:
        return self.args if self.limit is None else (*self.args, self.limit)
