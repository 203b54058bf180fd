"""审核中心 (R-ADM-1, R-FLOW-2, R-OPS-1, R-OPS-2): the queue of new posts and edits, oldest first with
its due time, the keyword hits, approve / reject one by one or in batches, the approved / rejected
history, the reason templates and the repeat-offender list.

Every decision goes through ``listings.services`` (row lock, owner notified, audit log), so a second
reviewer acting on the same item sees "已被其他审核员处理" instead of a double decision.
"""

from listings.admin import decisions, display, filters, licence, posts, queue, reasons  # noqa: F401  (registers the pages)
