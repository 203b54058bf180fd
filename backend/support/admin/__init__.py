"""纠纷处理 / 意见反馈 (R-OPS-4, R-APP-4): the complaint queue (unresolved, oldest first), mediation
(assign, notes and contact logs, the disputed conversation through the audited access), outcomes, and
replies to feedback. Every step goes through ``support.services``; nothing here edits rows directly.
"""

from support.admin import complaints, display, feedback, forms  # noqa: F401  (registers the pages)
