"""Signals factories sends so higher layers can react without factories importing them
(docs/architecture.md, Cross-app hooks).

- ``factory_viewed`` (sender=FactoryProfile; ``factory``, ``user`` — None when anonymous): a reader opened
  a factory's page; ``discovery`` adds it to the reader's browsing history.
"""

from django.dispatch import Signal

factory_viewed = Signal()
