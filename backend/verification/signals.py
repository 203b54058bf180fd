"""Signals verification sends so higher layers can react without verification importing them
(docs/architecture.md, Cross-app hooks).

- ``factory_licence_changed`` (sender=Qualification; ``user``, ``verified_at`` — None when the factory
  account no longer holds a valid licence): sent inside the review or expiry transaction;
  ``factories`` keeps its profile's verified badge in step.
"""

from django.dispatch import Signal

factory_licence_changed = Signal()
