"""Documents handed out by the store without copying: containers that refuse to change.

A read returns the stored object itself, so nothing may edit it in place. `FrozenDict` and
`FrozenList` subclass dict and list, so comparisons, `{**doc}`, `dict(doc)` and orjson all
work as before (orjson serialises dict and list subclasses natively); every method that
would change them raises TypeError instead. Building a changed document means making a new
one, which is what the store's writers do anyway.
"""

from __future__ import annotations

from typing import Any, NoReturn

import orjson


def _refuse(self: object, *args: object, **kwargs: object) -> NoReturn:
    raise TypeError(
        f"{type(self).__name__} from the store is read-only: build a new document instead"
    )


class FrozenDict(dict[str, Any]):
    __slots__ = ()
    __setitem__ = __delitem__ = __ior__ = _refuse
    clear = pop = popitem = setdefault = update = _refuse

    def __reduce__(self) -> tuple[type[dict[str, Any]], tuple[dict[str, Any]]]:
        return (dict, (dict(self),))


class FrozenList(list[Any]):
    __slots__ = ()
    __setitem__ = __delitem__ = __iadd__ = __imul__ = _refuse
    append = extend = insert = pop = remove = clear = sort = reverse = _refuse

    def __reduce__(self) -> tuple[type[list[Any]], tuple[list[Any]]]:
        return (list, (list(self),))


def freeze(value: Any) -> Any:
    """The same JSON value, with every dict and list replaced by its read-only twin."""
    if isinstance(value, FrozenDict | FrozenList):
        return value  # already frozen all the way down: freezing is the only way to build one
    if isinstance(value, dict):
        return FrozenDict({str(k): freeze(v) for k, v in value.items()})
    if isinstance(value, list | tuple):
        return FrozenList(freeze(item) for item in value)
    return value


_PLAIN = frozenset({str, int, float, bool, type(None)})


def freeze_doc(doc: dict[str, Any], without: str | None = None) -> dict[str, Any]:
    """`freeze` for a document, with a fast path for the plain values most fields hold (it
    runs for every document read from disk). `without` leaves one field out."""
    if type(doc) is FrozenDict and without is None:
        return doc
    return FrozenDict(
        {
            str(name): value if type(value) in _PLAIN else freeze(value)
            for name, value in doc.items()
            if name != without
        }
    )


def thaw(doc: dict[str, Any]) -> dict[str, Any]:
    """A private, mutable deep copy (for `update`'s change function)."""
    copied: dict[str, Any] = orjson.loads(orjson.dumps(doc))
    return copied
