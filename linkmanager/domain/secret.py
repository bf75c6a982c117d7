"""Secret: a value that must never be shown (the client secret, an access token).

It lives in the domain because every layer handles one: the keyring store reads it, the API
client sends it, and neither may ever print it.
"""

from __future__ import annotations


class Secret:
    """A value that must never be shown: repr and str hide it; reveal() is the one way out."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        if not isinstance(value, str):
            raise TypeError("a secret is text")
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __bool__(self) -> bool:
        return bool(self._value)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)

    def __repr__(self) -> str:
        return "Secret('********')"

    __str__ = __repr__

    def __reduce__(self) -> str | tuple[object, ...]:
        raise TypeError("a Secret is not pickled")
