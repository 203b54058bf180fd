"""The content-screening hook for apps below moderation (accounts, factories).

``moderation.pipeline`` is the one moderation pipeline for user content; apps above moderation import it.
Apps that sit below it (accounts for display names and avatars) or beside it (factories | moderation are
independent siblings) call :func:`screen` here, which moderation fills in its ``AppConfig.ready``
(``register_screen``). Same arguments, same result, same errors as ``moderation.pipeline.screen``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from accounts.models import User

ScreenFn = Callable[..., Any]
_screen: ScreenFn | None = None
_check_images: ScreenFn | None = None
# target type ("factories.factoryprofile") → handler(target_id, media_check) for a risky image verdict
VerdictHandler = Callable[[str, Any], None]
_verdict_handlers: dict[str, VerdictHandler] = {}


def register_verdict_handler(target_type: str, handler: VerdictHandler) -> None:
    """What a risky verdict of WeChat's image check means for ``target_type`` objects. Apps above
    moderation may call ``moderation.media.register_verdict_handler`` (the same registry)."""
    _verdict_handlers[target_type] = handler


def verdict_handler(target_type: str) -> VerdictHandler | None:
    return _verdict_handlers.get(target_type)


def register_screen(screen_fn: ScreenFn, check_images_fn: ScreenFn) -> None:
    global _screen, _check_images
    _screen, _check_images = screen_fn, check_images_fn


def screen(
    *,
    place: str,
    texts: dict[str, str],
    author: User | None,
    files: Iterable[Any] = (),
    target: Any = None,
) -> Any:
    """Runs the moderation pipeline for ``place`` (see ``moderation.pipeline.PLACES``)."""
    if _screen is None:  # pragma: no cover - moderation is always installed
        raise RuntimeError("moderation pipeline not registered")
    return _screen(place=place, texts=texts, author=author, files=files, target=target)


def check_images(*, place: str, files: Iterable[Any], author: User | None, target: Any) -> None:
    """After commit, sends the images among ``files`` to WeChat's image check (``moderation.pipeline``)."""
    if _check_images is None:  # pragma: no cover
        raise RuntimeError("moderation pipeline not registered")
    _check_images(place=place, files=files, author=author, target=target)
