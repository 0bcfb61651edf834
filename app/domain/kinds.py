"""The value kinds of an indicator, in one table: a count, an amount of money, a decimal, a percent
and a ratio a/b. Each kind says how its figure is typed and checked, how it prints (in a display
scale, with decimals, zero-padded), how it combines over quarters and over offices, and how it is
compared with its plan and with the same period last year. Every figure of the product goes
through here; nothing else decides by the name of a kind.
"""
from __future__ import annotations

from decimal import ROUND_DOWN, Decimal

import msgspec

from app.domain import formatting
from app.domain.numbers import (
    EXACT,
    LIMIT,
    PREFIX_QUALIFIERS,
    SCALES,
    SUFFIX_QUALIFIERS,
    Parsed,
    normal,
    parse_number,
    short,
    take_prefix,
    take_suffix,
)
from app.domain.text import clean_line
from app.errors import InputError

#: Display scales a template may give an indicator: the key, the printed word, the factor.
DISPLAY_SCALES = {"dong": ("đồng", Decimal(1)), **formatting.SCALE_WORDS}
MAX_DECIMALS = 6


class Display(msgspec.Struct, frozen=True):
    """How one indicator prints its figure: a display scale (None: the kind's own way), a number of
    decimals (None: as many as the figure has) and zero padding of whole numbers below 10."""

    scale: str | None = None
    decimals: int | None = None
    pad: bool = False


PLAIN = Display()


class Kind(msgspec.Struct, frozen=True):
    name: str
    label: str
    whole: bool  # whole numbers only
    negative: bool  # may be below zero
    typed_scales: tuple[str, ...]  # scale words accepted when typed ("37 nghìn")
    scales: tuple[str, ...]  # display scales a template may choose
    paddable: bool  # zero padding ("04", "04/04") may be chosen
    pads_by_default: bool  # the template-wide padding switch applies
    summed: bool  # adds up over quarters (a flow) and offices; otherwise the latest or own figure
    percent: bool = False
    ratio: bool = False
    table_scale: str | None = None  # the scale of appendix and workbook columns unless set

    # --- parse and check -------------------------------------------------------------------
    def parse(self, text: str, unit: str = "") -> Parsed:
        """An operator's entry the way reports write it: "ước", a qualifier ("khoảng", "gần", "hơn",
        "trên", "dưới", "ít nhất"; "trở lên" after the figure), the unit, a scale word ("13,302 tỷ",
        "hơn 41 nghìn"), "%" for percents, "a/b" for ratios. Raises InputError."""
        words = [w for w in clean_line(text).split(" ") if w]
        estimate, words = take_prefix(words, ("ước tính", "ước"))
        qualifier, words = take_prefix(words, PREFIX_QUALIFIERS)
        suffix, words = take_suffix(words, SUFFIX_QUALIFIERS)
        if qualifier and suffix:
            raise InputError(f"“{clean_line(text)}”: chỉ dùng một từ chỉ mức (“{qualifier}” hoặc “{suffix}”).")
        scale, words = self._scale(self._drop_unit(words, unit))
        if not words:
            raise InputError("Chưa nhập số.")
        if len(words) != 1:
            raise InputError(f"“{short(clean_line(text))}” không phải là một số.")
        token = words[0]
        if self.ratio:
            return self._parse_ratio(token, qualifier or suffix, bool(estimate))
        if self.percent:
            token = token.removesuffix("%")
        elif token.endswith("%"):
            raise InputError("Chỉ tiêu này không nhập theo phần trăm.")
        number = EXACT.multiply(parse_number(token), Decimal(scale))
        if abs(number) >= LIMIT:
            raise InputError(f"Số “{short(clean_line(text))}” quá lớn.")
        for problem in self._typed_problems(number, token):
            raise InputError(problem)
        return Parsed(normal(number), None, qualifier or suffix, bool(estimate))

    def _drop_unit(self, words: list[str], unit: str) -> list[str]:
        """"2.607 người" for an indicator counted in người; "186 triệu đồng" for money."""
        if words and words[-1].lower() == "đồng":
            return words[:-1]
        unit_words = unit.lower().split()
        if unit_words and self.name != "money" and len(words) > len(unit_words) \
                and [w.lower() for w in words[-len(unit_words):]] == unit_words:
            return words[:-len(unit_words)]
        return words

    def _scale(self, words: list[str]) -> tuple[int, list[str]]:
        if len(words) != 2 or words[1].lower() not in SCALES:
            return 1, words
        word = words[1].lower()
        if not self.typed_scales:
            raise InputError("Chỉ số tiền và số lượng mới dùng được “nghìn”, “triệu”, “tỷ”.")
        if word not in self.typed_scales:
            raise InputError(f"Chỉ số tiền mới dùng “{word}”; số lượng dùng “nghìn”, “triệu”.")
        return SCALES[word], words[:1]

    def _typed_problems(self, number: Decimal, token: str) -> list[str]:
        whole = number == number.to_integral_value()
        if not self.negative and number < 0:
            return [f"“{token}”: số lượng và số tiền không được âm."]
        if self.name == "money" and not whole:
            return ["Số tiền tính đến đồng; hãy nhập theo đồng, triệu hoặc tỷ đồng."]
        if self.whole and not whole:
            return [f"“{token}” không phải số nguyên: chỉ tiêu này đếm số lượng "
                    "(dấu phẩy là phần thập phân; hàng nghìn viết 2.607)."]
        return []

    @staticmethod
    def _parse_ratio(token: str, qualifier: str | None, estimate: bool) -> Parsed:
        parts = token.split("/")
        if len(parts) != 2:
            raise InputError(f"“{token}” phải viết dạng tử/mẫu, ví dụ 5/5.")
        top, bottom = (parse_number(p) for p in parts)
        if top != top.to_integral_value() or bottom != bottom.to_integral_value():
            raise InputError("Tử số và mẫu số phải là số nguyên.")
        if bottom <= 0:
            raise InputError("Mẫu số phải lớn hơn 0.")
        if top < 0 or top > bottom:
            raise InputError(f"“{token}”: tử số phải từ 0 đến mẫu số (ví dụ 5/5).")
        return Parsed(normal(top), normal(bottom), qualifier, estimate)

    def check(self, number: Decimal, denominator: Decimal | None) -> list[str]:
        """What is wrong with a stored figure, each worded to follow the indicator's name."""
        out = []
        if (self.whole or self.ratio) and number != number.to_integral_value():
            out.append(" phải là số nguyên.")
        if self.ratio and denominator is None:
            out.append(" thiếu mẫu số (ví dụ 5/5).")
        elif self.ratio and number > denominator:
            out.append(f": tử số {formatting.number(number)} lớn hơn mẫu số {formatting.number(denominator)}.")
        return out

    # --- print ------------------------------------------------------------------------------
    def format(self, number: Decimal, denominator: Decimal | None = None, display: Display = PLAIN,
               places: int | None = None) -> str:
        """The number as prose prints it, without the unit: "2.607", "13,302 tỷ", "04/04", "50,8%".

        ``places`` (a placeholder's ``.N``) overrides the display's decimals; rounding is half away
        from zero.
        """
        places = display.decimals if places is None else places
        if self.ratio and denominator is not None:
            return f"{formatting.number(number, pad=display.pad)}/{formatting.number(denominator, pad=display.pad)}"
        if display.scale == "dong":
            shown = formatting.fixed(number, places)
        elif display.scale:
            shown = formatting.in_scale(number, display.scale, places)
        elif self.name == "money":
            shown = _money(number, places)
        elif places is not None:
            shown = formatting.fixed(number, places)
        else:
            shown = formatting.number(number, pad=display.pad)
        return shown + ("%" if self.percent else "")

    def with_unit(self, shown: str, unit: str) -> str:
        """"2.607 người", "13,302 tỷ đồng", "50,8%" (a percent carries its own sign)."""
        if self.name == "money":
            return f"{shown} đồng"
        if self.percent or not unit:
            return shown
        return f"{shown} {unit}"

    def table_unit(self, unit: str, display: Display = PLAIN) -> str:
        """The unit column of a table: "triệu đồng" for money unless told, "nghìn người" in thousands."""
        scale = display.scale or self.table_scale
        if self.name == "money":
            return f"{DISPLAY_SCALES[scale][0]} đồng" if scale and scale != "dong" else "đồng"
        if scale and scale != "dong":
            return f"{DISPLAY_SCALES[scale][0]} {unit}".strip()
        return unit

    def table_figure(self, number: Decimal, denominator: Decimal | None = None,
                     display: Display = PLAIN) -> tuple[str, Decimal]:
        """A table cell: the text as printed and the number a workbook holds (in the column's scale)."""
        if self.ratio and denominator is not None:
            return self.format(number, denominator, display), number
        scale = display.scale or self.table_scale
        scaled = number / DISPLAY_SCALES[scale][1] if scale else number
        if display.decimals is not None:
            text = formatting.fixed(scaled, display.decimals)
        else:
            text = formatting.number(scaled, pad=display.pad)
        return text + ("%" if self.percent else ""), scaled

    def has_fraction(self, scale: str | None) -> bool:
        """Whether a figure displayed in ``scale`` can have decimals ("41,2 nghìn"; a count cannot)."""
        if self.ratio:
            return False
        return not self.whole or scale not in (None, "dong") or (scale is None and self.name == "money")

    # --- combine and compare ----------------------------------------------------------------
    def sums_over_time(self, time: str) -> bool:
        """Quarters add up for a flow of a summed kind; otherwise the latest figure stands."""
        return self.summed and time == "flow"

    def sums_over_offices(self, offices: str) -> bool:
        """Offices add up for a summed kind whose indicator says so; otherwise the own figure stands."""
        return self.summed and offices == "sum"

    def total(self, figures: list[tuple[Decimal, Decimal | None]]) -> tuple[Decimal, Decimal | None]:
        """The sum of (number, denominator) pairs; a ratio adds numerators and denominators."""
        number = sum((n for n, _ in figures), Decimal(0))
        if not self.ratio:
            return number, None
        return number, sum((d or Decimal(0) for _, d in figures), Decimal(0))

    def share_of_plan(self, number: Decimal | None, plan: Decimal | None) -> Decimal | None:
        """The figure as percent points of its plan, exact (None without a plan)."""
        return share(number, plan)

    def change(self, current: Decimal | None, prior: Decimal | None) -> Decimal | None:
        """Change on the same period last year in percent points, exact (None without a base)."""
        if current is None or not prior:
            return None
        return (current - prior) * 100 / prior


def _money(number: Decimal, places: int | None) -> str:
    """Money rescaled to tỷ or triệu as reports write it ("13,302 tỷ"), or in đồng below a million."""
    if places is None:
        return formatting.money(number).removesuffix(" đồng")
    word = "ty" if abs(number) >= 10**9 else "trieu" if abs(number) >= 10**6 else None
    return formatting.in_scale(number, word, places) if word else formatting.fixed(number, places)


def share(part: Decimal | None, whole: Decimal | None) -> Decimal | None:
    """``part`` as percent points of ``whole``, exact; None when either is missing or ``whole`` is 0."""
    if part is None or not whole:
        return None
    return part * 100 / whole


def share_rounded(value: Decimal, places: int | None = None) -> Decimal:
    """A share as printed: one decimal unless told, halves away from zero."""
    return formatting.rounded(value, 1 if places is None else places)


def share_points(value: Decimal, places: int | None = None) -> str:
    """A share in percent points: one decimal unless told, halves away from zero; trailing zeros
    dropped up to one decimal ("50,8", "100", "97"), kept when more were asked for ("12,50")."""
    shown = share_rounded(value, places)
    return formatting.number(shown.normalize()) if places is None or places <= 1 else formatting.fixed(shown, places)


def change_rounded(value: Decimal, places: int | None = None) -> Decimal:
    """A change as printed: cut to two decimals (statistics print 0,2999 as "0,29") unless
    ``places`` is given, then rounded half away from zero."""
    if places is None:
        return value.quantize(Decimal("0.01"), rounding=ROUND_DOWN).normalize()
    return formatting.rounded(value, places)


def change_points(value: Decimal, places: int | None = None) -> str:
    """A change in percent points as printed, with its sign: "0,29", "-25", "41,7"."""
    shown = change_rounded(value, places)
    return formatting.number(shown) if places is None else formatting.fixed(shown, places)


COUNT = Kind("count", "Số lượng", whole=True, negative=False, typed_scales=("nghìn", "ngàn", "triệu"),
             scales=("nghin",), paddable=True, pads_by_default=True, summed=True)
MONEY = Kind("money", "Tiền (đồng)", whole=True, negative=False, typed_scales=tuple(SCALES),
             scales=tuple(DISPLAY_SCALES), paddable=False, pads_by_default=False, summed=True, table_scale="trieu")
DECIMAL = Kind("decimal", "Số thập phân", whole=False, negative=True, typed_scales=(), scales=(),
               paddable=False, pads_by_default=False, summed=True)
PERCENT = Kind("percent", "Phần trăm", whole=False, negative=True, typed_scales=(), scales=(),
               paddable=False, pads_by_default=False, summed=False, percent=True)
RATIO = Kind("ratio", "Tỉ lệ a/b", whole=True, negative=False, typed_scales=(), scales=(),
             paddable=True, pads_by_default=False, summed=True, ratio=True)
KINDS = {k.name: k for k in (COUNT, MONEY, DECIMAL, PERCENT, RATIO)}


def of(name: str) -> Kind:
    """The kind named ``name`` (a template's ``kind``); KeyError for a name no template can carry."""
    return KINDS[name]


def parse_value(text: str, kind: str, unit: str = "") -> Parsed:
    """Parse an operator's entry for an indicator of value ``kind`` (see ``Kind.parse``)."""
    return of(kind).parse(text, unit)
