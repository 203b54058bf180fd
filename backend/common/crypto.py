"""Authenticated encryption of personal data at rest (AES-256-GCM) and HMAC blind indexes.

Ciphertext format: ``v1:<key id>:<base64(nonce || ciphertext || tag)>``. The key id travels with the
ciphertext so keys can rotate: the first key in ``FIELD_ENCRYPTION_KEYS`` encrypts, every listed key
decrypts. Keys come from their own setting, never from SECRET_KEY.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings

PREFIX = "v1"


def _keys() -> dict[str, bytes]:
    return dict(settings.FIELD_ENCRYPTION_KEYS)


def encrypt(plaintext: str, *, context: str) -> str:
    """Encrypt ``plaintext``; ``context`` (e.g. the column name) is bound as associated data so a
    ciphertext copied into another column does not decrypt."""
    kid, key = settings.FIELD_ENCRYPTION_KEYS[0]
    nonce = os.urandom(12)
    sealed = AESGCM(key).encrypt(nonce, plaintext.encode(), context.encode())
    return f"{PREFIX}:{kid}:{base64.b64encode(nonce + sealed).decode()}"


def decrypt(token: str, *, context: str) -> str:
    version, kid, payload = token.split(":", 2)
    if version != PREFIX:
        raise ValueError(f"unknown ciphertext version {version!r}")
    raw = base64.b64decode(payload)
    return AESGCM(_keys()[kid]).decrypt(raw[:12], raw[12:], context.encode()).decode()


def is_ciphertext(value: str) -> bool:
    return value.startswith(PREFIX + ":") and value.count(":") >= 2


def blind_index(value: str, *, context: str) -> str:
    """A keyed hash for equality look-ups (sign-in by phone) without storing the value."""
    digest = hmac.new(settings.BLIND_INDEX_KEY, f"{context}:{value}".encode(), hashlib.sha256)
    return digest.hexdigest()


def mask_phone(phone: str) -> str:
    """138****5678 — what others see of a phone number."""
    if len(phone) < 7:
        return "*" * len(phone)
    return phone[:3] + "****" + phone[-4:]


def mask_id_number(number: str) -> str:
    if len(number) < 8:
        return "*" * len(number)
    return number[:3] + "*" * (len(number) - 7) + number[-4:]
