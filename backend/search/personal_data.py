"""search's model in the personal-data registry (R-PLUS-5): the index copy of a user's posts and factory."""

from __future__ import annotations

from typing import TYPE_CHECKING

from accounts.personal_data import register
from search.models import SearchDocument

if TYPE_CHECKING:
    from accounts.models import User


def erase_search_documents(user: User) -> None:
    SearchDocument.objects.filter(owner=user).delete()


def register_all() -> None:
    # A copy of the user's posts and factory for the keyword search: exported as 发布的信息 / 工厂资料.
    register(SearchDocument, eraser=erase_search_documents, part_of="listings.Post")
