"""Changing a template without code: edit a draft, save it as a new version, move reports over.

A template version in use never changes: saving an edited draft installs the
next version number. A report moves to a newer version only through a mapping
(indicators kept, renamed or dropped) that the operator sees before it is
applied; dropped figures are recorded in the audit, never silently lost.
"""
from __future__ import annotations

import copy
import re

import msgspec

from app.domain.model import Block
from app.domain.narrative import PLACEHOLDER
from app.domain.template import Template, from_dict
from app.errors import InputError, UserError
from app.storage.rows import transaction
from app.storage.store import Store

DISPLAY_KEYS = ("scale", "decimals", "pad", "target")  # optional: absent means the kind's own way
INDICATOR_DEFAULTS = {"kind": "count", "time": "flow", "offices": "sum", "min": "0", "max": None, "appendix": True}


class Draft:
    """A template being edited: the file form, changed step by step, checked on every step."""

    def __init__(self, template: Template) -> None:
        self.data = copy.deepcopy(template.to_dict())
        self.base_version = template.version

    # --- finding things -------------------------------------------------------------
    def _sections(self, sections=None):
        for section in self.data["sections"] if sections is None else sections:
            yield section
            yield from self._sections(section["children"])

    def section(self, code: str) -> dict:
        found = next((s for s in self._sections() if s["code"] == code), None)
        if found is None:
            raise InputError(f"Không có mục mã “{code}”.")
        return found

    def _siblings(self, code: str) -> list:
        for holder in [self.data["sections"], *(s["children"] for s in self._sections())]:
            if any(s["code"] == code for s in holder):
                return holder
        raise InputError(f"Không có mục mã “{code}”.")

    def indicator(self, code: str) -> tuple[dict, list]:
        for section in self._sections():
            for ind in section["indicators"]:
                if ind["code"] == code:
                    return ind, section["indicators"]
        raise InputError(f"Không có chỉ tiêu mã “{code}”.")

    def template(self) -> Template:
        """The draft as a template (raises InputError naming what is inconsistent)."""
        return from_dict(self.data)

    def _checked(self, change) -> None:
        before = copy.deepcopy(self.data)
        try:
            change()
            self.template()
        except InputError:
            self.data = before
            raise

    # --- sections ---------------------------------------------------------------------
    def add_section(self, code: str, title: str, parent: str | None = None, after: str | None = None) -> None:
        def change():
            holder = self.section(parent)["children"] if parent else self.data["sections"]
            new = {"code": code.strip().upper(), "title": title, "indicators": [], "children": []}
            index = next((i + 1 for i, s in enumerate(holder) if s["code"] == after), len(holder))
            holder.insert(index, new)
        self._checked(change)

    def rename_section(self, code: str, title: str, plan_title: str | None = None) -> None:
        def change():
            section = self.section(code)
            section["title"] = title
            if plan_title is not None:
                if plan_title:
                    section["plan_title"] = plan_title
                else:
                    section.pop("plan_title", None)
        self._checked(change)

    def move_section(self, code: str, step: int) -> None:
        holder = self._siblings(code)
        index = next(i for i, s in enumerate(holder) if s["code"] == code)
        target = index + step
        if 0 <= target < len(holder):
            holder[index], holder[target] = holder[target], holder[index]

    def remove_section(self, code: str) -> None:
        def change():
            holder = self._siblings(code)
            holder[:] = [s for s in holder if s["code"] != code]
        self._checked(change)

    # --- indicators ---------------------------------------------------------------------
    def add_indicator(self, section: str, fields: dict, after: str | None = None) -> None:
        def change():
            holder = self.section(section)["indicators"]
            new = {**INDICATOR_DEFAULTS, **{k: v for k, v in fields.items() if v is not None or k == "max"}}
            new["code"] = str(new.get("code", "")).strip().upper()
            index = next((i + 1 for i, ind in enumerate(holder) if ind["code"] == after), len(holder))
            holder.insert(index, new)
        self._checked(change)

    def update_indicator(self, code: str, fields: dict) -> None:
        def change():
            ind, _ = self.indicator(code)
            for key, value in fields.items():
                if value is None and key in ("parent", "part", "rules", *DISPLAY_KEYS):
                    ind.pop(key, None)
                else:
                    ind[key] = value
            if not ind.get("parent"):
                ind.pop("parent", None)
                ind.pop("part", None)
        self._checked(change)

    def move_indicator(self, code: str, step: int) -> None:
        _, holder = self.indicator(code)
        index = next(i for i, ind in enumerate(holder) if ind["code"] == code)
        target = index + step
        if 0 <= target < len(holder):
            holder[index], holder[target] = holder[target], holder[index]

    def remove_indicator(self, code: str) -> None:
        def change():
            _, holder = self.indicator(code)
            holder[:] = [ind for ind in holder if ind["code"] != code]
        self._checked(change)


def save_version(store: Store, draft: Draft) -> int:
    """Install the draft as the next version of its template; return the new template id."""
    data = copy.deepcopy(draft.data)
    data["version"] = store.templates.latest_version(draft.data["code"]) + 1
    return store.install_template(from_dict(data))


class Mapping(msgspec.Struct, frozen=True):
    """What moving a report to another template version does to each of its indicators."""

    kept: tuple[str, ...]
    renamed: tuple[tuple[str, str], ...]
    dropped: tuple[str, ...]  # figures entered for indicators the new version does not have
    added: tuple[str, ...]
    lost_sections: tuple[str, ...]  # sections with text, documents or tasks the new version lacks

    @property
    def lines(self) -> list[str]:
        out = [f"Giữ nguyên: {len(self.kept)} chỉ tiêu."]
        out += [f"Đổi mã: {old} → {new}" for old, new in self.renamed]
        out += [f"Bỏ (số liệu được lưu vào nhật ký): {code}" for code in self.dropped]
        out += [f"Chỉ tiêu mới (chưa có số liệu): {code}" for code in self.added]
        out += [f"Mục không còn trong phiên bản mới (phải chuyển nội dung trước): {code}" for code in self.lost_sections]
        return out


def plan(store: Store, report, new_template_id: int, renames: dict[str, str] | None = None) -> Mapping:
    renames = {k.upper(): v.upper() for k, v in (renames or {}).items()}
    if len(set(renames.values())) != len(renames):
        raise InputError("Hai chỉ tiêu không thể cùng đổi sang một mã.")
    old = store.template_of(report)
    new = store.template_by_id(new_template_id)
    values = store.content.values(report.id)
    for source, target in renames.items():
        if target in values and target not in renames:
            raise InputError(f"Chỉ tiêu “{target}” đã có số liệu; không đổi “{source}” sang đó được.")
        if source not in old.indicators:
            raise InputError(f"Chỉ tiêu “{source}” không có trong phiên bản đang dùng.")
        if target not in new.indicators:
            raise InputError(f"Chỉ tiêu “{target}” không có trong phiên bản mới.")
    kept = tuple(c for c in old.indicators if c in new.indicators and c not in renames)
    renamed = tuple((s, t) for s, t in renames.items())
    dropped = tuple(c for c in values if c not in new.indicators and c not in renames)
    targets = set(kept) | set(renames.values())
    added = tuple(c for c in new.indicators if c not in targets)
    data = store.content.load(report)
    used = {s for (s, _p), blocks in data.narrative.items() if blocks} | {d.section for d in data.documents} \
        | {t.section for t in data.tasks}
    lost = tuple(sorted(s for s in used if s not in new.by_section))
    return Mapping(kept, renamed, dropped, added, lost)


def migrate(store: Store, report, new_template_id: int, renames: dict[str, str] | None = None) -> Mapping:
    """Move a draft report to ``new_template_id`` following the mapping; one transaction."""
    store.require_editable(report)  # own drafts only: complete and issued reports keep their version
    mapping = plan(store, report, new_template_id, renames)
    if mapping.lost_sections:
        raise UserError("Phiên bản mới thiếu mục " + ", ".join(mapping.lost_sections)
                        + " đang có nội dung; hãy chuyển nội dung sang mục khác trước.")
    rename = dict(mapping.renamed)
    new = store.template_by_id(new_template_id)
    with transaction(store.db):
        for code in mapping.dropped:
            store.content.clear_value(report, code, f"Bỏ khi chuyển sang mẫu {new.key}")
        for source, target in rename.items():
            store.content.rename_value(report, source, target)
        if rename:
            _rename_placeholders(store, report, rename)
        store.reports_repo.set_template(report, new_template_id)
        store.audit(report.office_code, "template", str(report.period), report.template_key, new.key, report.id,
                    "; ".join(mapping.lines))
    return mapping


def _rename_placeholders(store: Store, report, rename: dict[str, str]) -> None:
    """Rewrite {CODE} placeholders in the report's narrative and tasks after indicator renames."""
    pattern = re.compile(PLACEHOLDER.pattern)

    def swap(match: re.Match) -> str:
        code = match["code"]
        if code in rename:
            return "{" + rename[code] + (f":{match['mod']}" if match["mod"] else "") \
                + (f".{match['dec']}" if match["dec"] else "") + "}"
        return match.group(0)

    for (section, part), blocks in store.content.narrative(report.id).items():
        changed = [Block(pattern.sub(swap, b.text), b.style) for b in blocks]
        if changed != blocks:
            store.content.put_narrative(report.id, section, part, changed)
    for task in store.content.tasks(report.id):
        text = pattern.sub(swap, task.text)
        if text != task.text:
            store.content.set_task_text(report, task.id, text)
