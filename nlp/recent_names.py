"""A bounded list of known names (the gazetteer's athletes, teams or races), the most recently added kept.

A long-running server learns names from every article it stores; kept without a bound they would grow its
extraction workers without end (the gazetteer holds a tokenised copy of each name per language). Past the
limit the name added longest ago goes. Adding a name again makes it the newest, so names that articles keep
mentioning stay.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable

KNOWN_NAMES_LIMIT = 5000  # names of each kind; the default of PALMARES_KNOWN_NAMES_LIMIT


class RecentNames:
    """Names in the order they were last added, at most `limit`. Each name carries a number that grows with every
    addition, so whoever was fed up to number n is sent `after(n)`: the names added (or added again) since."""

    def __init__(self, limit: int = KNOWN_NAMES_LIMIT) -> None:
        if limit < 1:
            raise ValueError("the limit of known names must be at least 1")
        self.limit = limit
        self._numbers: OrderedDict[str, int] = OrderedDict()
        self.last = 0  # the number of the newest name

    def add(self, names: Iterable[str]) -> list[str]:
        """Add names (again); returns the names that went to stay within the limit."""
        dropped = []
        for name in names:
            if not name:
                continue
            self.last += 1
            self._numbers[name] = self.last
            self._numbers.move_to_end(name)
            if len(self._numbers) > self.limit:
                dropped.append(self._numbers.popitem(last=False)[0])
        return dropped

    def after(self, number: int) -> list[str]:
        """The names added since `number`, oldest first."""
        newer = []
        for name, added in reversed(self._numbers.items()):
            if added <= number:
                break
            newer.append(name)
        return newer[::-1]

    def __contains__(self, name: object) -> bool:
        return name in self._numbers

    def __len__(self) -> int:
        return len(self._numbers)

    def __iter__(self):
        return iter(self._numbers)
