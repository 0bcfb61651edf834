"""Last period's tasks as this report judges them: printed in the section where they were set."""
from __future__ import annotations

from app.domain.model import Task, TaskReview, TaskStatus
from app.domain.period import Period
from app.output.model import Para

STATUS_WORDS = {TaskStatus.DONE: "đã hoàn thành", TaskStatus.IN_PROGRESS: "đang thực hiện",
                TaskStatus.NOT_DONE: "chưa thực hiện"}

Reviewed = tuple[Task, TaskReview]


def earlier_period(period: Period) -> Period | None:
    """The period whose tasks a report reviews: the month or quarter before a base period."""
    return period.previous() if period.is_base else None


def pair(tasks: list[Task], reviews: list[TaskReview]) -> tuple[Reviewed, ...]:
    """Each reviewed task (its text already expanded) with its verdict, in last period's order."""
    verdicts = {r.task_id: r for r in reviews}
    return tuple((t, verdicts[t.id]) for t in tasks if t.id in verdicts)


def lines(section: str, reviewed: tuple[Reviewed, ...], period_label: str) -> list[Para]:
    """"Kết quả thực hiện nhiệm vụ đã đề ra cho Quý II năm 2020:" and one bullet per task of the section."""
    mine = [(t, r) for t, r in reviewed if t.section == section]
    if not mine:
        return []
    out = [Para(f"Kết quả thực hiện nhiệm vụ đã đề ra cho {period_label}:")]
    for task, review in mine:
        text = task.text.rstrip(" .;")
        comment = f" ({review.comment.rstrip(' .;')})" if review.comment else ""
        out.append(Para(f"- {text}: {STATUS_WORDS[review.status]}{comment}.", True))
    return out
