"""Đồng bộ → Gửi mẫu báo cáo và hạn nộp: the ``publish`` command for the window."""
from __future__ import annotations

from app.errors import InputError
from ui.operations.op import Op
from ui.operations.runner import Operations


def publish(*, parent, ops: Operations, office: str, folder: str, template_path: str = "",
            deadlines: dict[str, str] | None = None) -> Op:
    """Send a template and/or deadlines to the shared folder as signed packages; gives the files' names."""
    from app.commands.common import TEMPLATE_LIMIT
    from app.domain.template import load_file
    from app.exchange import package
    from app.fsutil import check_readable

    def step(store) -> list[str]:
        if not template_path and not deadlines:
            raise InputError("Hãy chọn tệp mẫu báo cáo hoặc ghi ít nhất một hạn gửi.")
        names = []
        if template_path:
            check_readable(template_path, TEMPLATE_LIMIT, what="tệp mẫu báo cáo")
            template = load_file(template_path)
            store.install_template(template)
            names.append(package.publish(store, office, folder, "template", {"template": template.to_dict()}).name)
        if deadlines:
            store.submissions.set_deadlines(office, deadlines)
            names.append(package.publish(store, office, folder, "deadline", {"deadlines": deadlines}).name)
        return names

    return Op(parent, ops).exchange(step)
