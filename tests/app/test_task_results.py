"""Last period's tasks come back with this period's verdicts, printed where they were set."""
import io

from docx import Document as DocxDocument

from app.domain.model import TaskReview, TaskStatus
from app.output import printed, render_docx, render_pdf
from tests.app.test_printed import norm, pdf_text


def test_reviewed_tasks_print_in_their_section_in_pdf_and_docx(sample, tmp_path):
    q1_tasks = sample.content.tasks(sample.report("TTH", "2020-Q1").id)
    plain = [t for t in q1_tasks if "{" not in t.text]
    first, second, third = plain[0], plain[1], plain[-1]
    cited = next(t for t in q1_tasks if "{VB:" in t.text)
    q2 = sample.open_report("TTH", "2020-Q2")
    sample.content.enter(q2, "VL_MOI", "1.000")
    sample.content.review_task(q2, TaskReview(first.id, TaskStatus.DONE, "vượt tiến độ"))
    sample.content.review_task(q2, TaskReview(second.id, TaskStatus.IN_PROGRESS))
    sample.content.review_task(q2, TaskReview(third.id, TaskStatus.NOT_DONE, "chờ kinh phí"))
    sample.content.review_task(q2, TaskReview(cited.id, TaskStatus.DONE))
    model = printed.build(sample, "TTH", "2020-Q2")
    body = [b.text for b in model.body]
    cited_line = next(b for b in body if b.endswith(": đã hoàn thành.") and "số" in b)
    assert "{" not in cited_line and "…" not in cited_line  # last period's citation, as printed then
    assert "Kết quả thực hiện nhiệm vụ đã đề ra cho Quý II năm 2020:" in body
    first_line = f"- {first.text.rstrip(' .;')}: đã hoàn thành (vượt tiến độ)."
    assert first_line in body
    assert f"- {second.text.rstrip(' .;')}: đang thực hiện." in body
    assert f"- {third.text.rstrip(' .;')}: chưa thực hiện (chờ kinh phí)." in body
    pdf = norm(pdf_text(render_pdf.render(model), tmp_path))
    assert norm(first_line) in pdf and "chưa thực hiện (chờ kinh phí)." in pdf
    docx = DocxDocument(io.BytesIO(render_docx.render(model)))
    assert first_line in [p.text for p in docx.paragraphs]


def test_no_review_no_results_block(sample):
    q2 = sample.open_report("TTH", "2020-Q2")
    sample.content.enter(q2, "VL_MOI", "1.000")
    assert not any(b.text.startswith("Kết quả thực hiện nhiệm vụ") for b in printed.build(sample, "TTH", "2020-Q2").body)
