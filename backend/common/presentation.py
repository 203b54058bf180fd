"""Presentation wrappers: a small dataclass puts the figures a page shows beside a model instance
(the reader's favourite mark, trust figures, whether the reader owns it) instead of setting attributes
on the instance (issue #10, item 9). The Out schema reads those figures from the dataclass and every
other field from the wrapped object, so the API output is the model's plus the figures."""

from __future__ import annotations

from typing import Any, ClassVar


class Decorated:
    """Base of the wrappers; ``wraps`` names the dataclass field that holds the wrapped object."""

    wraps: ClassVar[str]

    def __getattr__(self, name: str) -> Any:
        # Only called for what the wrapper itself lacks; never for dunders or the wrapped field itself
        # (not yet set while a copy is being built).
        if name.startswith("__") or name == self.wraps:
            raise AttributeError(name)
        return getattr(getattr(self, self.wraps), name)

    def __str__(self) -> str:
        return str(getattr(self, self.wraps))
