"""Signals listings sends so higher layers can react without listings importing them
(docs/architecture.md, Cross-app hooks).

- ``post_approved`` (sender=Post; ``post``): a reviewer approved a post or its edit, inside the approval's
  transaction; ``matching`` notifies the best-fitting counterparts (R-PLUS-1).

Opening a post writes nothing (issue #15 item 8): the page posts ``/api/discovery/views`` once shown.
"""

from django.dispatch import Signal

post_approved = Signal()
