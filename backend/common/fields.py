"""Model fields that keep personal data encrypted at rest."""

from __future__ import annotations

from typing import Any

from django.db import models

from common import crypto


class EncryptedTextField(models.TextField):
    """Stores AES-256-GCM ciphertext; Python code sees plaintext.

    Not searchable: pair it with a blind-index column where look-ups are needed.
    """

    def __init__(self, *args: Any, context: str = "", **kwargs: Any) -> None:
        self.context = context
        super().__init__(*args, **kwargs)

    def deconstruct(self) -> Any:
        name, path, args, kwargs = super().deconstruct()
        kwargs["context"] = self.context
        return name, path, args, kwargs

    def _context(self) -> str:
        return self.context or f"{self.model._meta.label_lower}.{self.name}"

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return crypto.encrypt(str(value), context=self._context())

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> Any:
        if value is None or value == "":
            return value
        return crypto.decrypt(value, context=self._context())
