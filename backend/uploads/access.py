"""Who may read a stored file.

Public purposes (post media, factory photos, avatars) are readable by anyone. A private file
(licence, ID document, certificate, chat attachment, complaint evidence) is readable by its owner,
by console staff holding ``uploads.view_private_files``, and by whoever a rule registered for its
purpose allows. Rules let other apps widen access without uploads importing them, e.g. messaging
registers, in its ``AppConfig.ready``::

    register_reader(FilePurpose.CHAT_ATTACHMENT, lambda user, f: is_party_to_conversation_with(user, f))
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from common.console_permissions import ConsolePermission, has_console_permission

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from accounts.models import User
    from uploads.models import StoredFile

Reader = Callable[[Any, "StoredFile"], bool]

_readers: dict[str, list[Reader]] = {}


def register_reader(purpose: str, fn: Reader) -> None:
    """Allows ``fn(user, stored_file) -> bool`` to grant read access to private files of ``purpose``.

    Registering the same function twice (e.g. ``ready()`` running again in tests) has no effect.
    """
    readers = _readers.setdefault(str(purpose), [])
    if fn not in readers:
        readers.append(fn)


def unregister_reader(purpose: str, fn: Reader) -> None:
    readers = _readers.get(str(purpose), [])
    if fn in readers:
        readers.remove(fn)


def is_staff_reader(user: User | AnonymousUser | None) -> bool:
    return has_console_permission(user, ConsolePermission.VIEW_PRIVATE_FILES)


def can_read(user: User | None, stored_file: StoredFile) -> bool:
    if not stored_file.is_private:
        return True
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    if user.pk == stored_file.owner_id or is_staff_reader(user):
        return True
    return any(fn(user, stored_file) for fn in _readers.get(str(stored_file.purpose), ()))
