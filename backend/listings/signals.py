"""Signals listings sends so higher layers can react without listings importing them
(docs/architecture.md, Cross-app hooks).

- ``post_viewed`` (sender=Post; ``post``, ``user`` — None when anonymous): a reader opened a post's detail
  page; ``discovery`` adds it to the reader's browsing history.
- ``post_approved`` (sender=Post; ``post``): a reviewer approved a post or its edit, inside the approval's
  transaction; ``matching`` notifies the best-fitting counterparts (R-PLUS-1).
"""

from django.dispatch import Signal

post_viewed = Signal()
post_approved = Signal()
