"""English for the window's strings: fills resources/locale/en from the template and compiles it.

Run after ``pybabel extract`` (see README, "Dịch giao diện"): new strings without English here
make the translation test fail, so the catalog never ships incomplete.
"""
from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "resources" / "locale"

ENGLISH = {
    "  (chỉ xem)": "  (read only)",
    "  Kỳ: ": "  Period: ",
    "% KH": "% of plan",
    "&Ban hành…": "&Issue…",
    "&Báo cáo": "&Report",
    "&Cài đặt": "&Settings",
    "&Giới thiệu": "&About",
    "&Hoàn tác": "&Undo",
    "&In…": "&Print…",
    "&Làm lại": "&Redo",
    "&Mở lại để sửa…": "Re&open for editing…",
    "&Sao lưu cơ sở dữ liệu…": "&Back up the database…",
    "&Sửa": "&Edit",
    "&Thoát": "&Quit",
    "&Tệp": "&File",
    "&Xem trước": "Pre&view",
    "Ban hành": "Issue",
    "Ban hành báo cáo": "Issue the report",
    "Báo cáo": "Report",
    "Báo cáo LĐTBXH": "Labour Report Desk",
    "Bản chụp (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)": "Scans (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)",
    "Bảng &cần xem": "&Findings panel",
    "Bảng &số liệu": "Figures &grid",
    "Bảng số liệu": "Figures grid",
    "Bắt đầu": "Getting started",
    "Chào mừng! Cơ sở dữ liệu chưa có đơn vị nào.\nTạo đơn vị của bạn để lập báo cáo, hoặc mở báo cáo mẫu để xem thử.":
        "Welcome! The database has no office yet.\nCreate your office to write reports, or open the sample report "
        "to look around.",
    "Chèn số liệu": "Insert figure",
    "Chèn vào nội dung": "Insert into text",
    "Chép nội dung kỳ trước; các số liệu tự hiện số của kỳ này":
        "Copy last period's text; its figures show this period's numbers",
    "Chưa thực hiện": "Not done",
    "Chỉ tiêu": "Indicator",
    "Chọn bản chụp đã ký": "Choose the signed scan",
    "Chọn thư mục dùng chung": "Choose the shared folder",
    "Chọn…": "Browse…",
    "Chức danh cấp phó": "Deputy's title",
    "Chức danh người ký": "Signer's title",
    "Chữ viết tắt (số ký hiệu)": "Symbol (in document numbers)",
    "Còn thiếu: {fields}.": "Missing: {fields}.",
    "Cùng kỳ": "Last year",
    "Cơ quan ban hành": "Issuer",
    "Cơ quan chủ quản": "Parent authority",
    "Cơ sở dữ liệu (*.sqlite3)": "Database (*.sqlite3)",
    "Cấp": "Level",
    "Cấp huyện": "District",
    "Cấp phó ký thay (KT.)": "Deputy signs on behalf (KT.)",
    "Cấp tỉnh": "Province",
    "Cấp xã": "Commune",
    "Cần xem": "Findings",
    "Cần xem ({count})": "Findings ({count})",
    "Do đơn vị ban hành": "Issued by this office",
    "Ghi chú": "Note",
    "Giới thiệu": "About",
    "Hãy nhập số, ký hiệu văn bản.": "Enter the document's number and symbol.",
    "Họ tên người ký": "Signer's name",
    "Hủy": "Cancel",
    "KH năm": "Annual plan",
    "Không có lỗi hay cảnh báo.": "No errors or warnings.",
    "Kiểm tra": "Check",
    "Kính gửi": "Addressed to",
    "Kết quả": "Result",
    "Kết quả nhiệm vụ kỳ trước": "Last period's tasks",
    "Kỳ báo cáo: chọn, hoặc gõ như 2020-Q2 rồi Enter": "Period: pick one, or type e.g. 2020-Q2 and press Enter",
    "Kỳ này": "This period",
    "Kỳ trước không có nhiệm vụ cho mục này.": "Last period planned no tasks for this section.",
    "Kỳ trước không có nội dung cho mục này.": "Last period has no text for this section.",
    "Loại": "Type",
    "Loại văn bản": "Document type",
    "Lập, kiểm tra và in báo cáo định kỳ của cơ quan Lao động – Thương binh và Xã hội.":
        "Write, check and print the periodic reports of Labour, Invalids and Social Affairs offices.",
    "Lý do mở lại (được ghi vào nhật ký):": "Reason for reopening (kept in the log):",
    "Lý do sửa đổi (được ghi vào nhật ký):": "Reason for the revision (kept in the log):",
    "Lưu": "Save",
    "Lưu bản PDF": "Save the PDF",
    "Lấy nội dung kỳ trước": "Start from last period's text",
    "Lời dẫn (không bắt buộc), ví dụ: Tổ chức thực hiện các nhiệm vụ trọng tâm sau:":
        "Lead-in (optional), e.g. “Tổ chức thực hiện các nhiệm vụ trọng tâm sau:”",
    "Mã ngắn không dấu, ví dụ TTH, PHULOC": "Short code without accents, e.g. TTH, PHULOC",
    "Mã đơn vị": "Office code",
    "Mã đơn vị cấp trên": "Parent office code",
    "Mỗi dòng là một nhiệm vụ kỳ tới.": "One task for next period per line.",
    "Mỗi dòng là một đoạn; dòng bắt đầu bằng “- ” là một gạch đầu dòng. Chèn số liệu để câu văn tự cập nhật số mới.":
        "One paragraph per line; a line starting with “- ” is a bullet. Insert figures so the sentence "
        "updates with new numbers.",
    "Mở &báo cáo mẫu (Thừa Thiên Huế, Quý I/2020)": "Open the &sample report (Thừa Thiên Huế, Q1 2020)",
    "Mở báo cáo mẫu (Thừa Thiên Huế, Quý I/2020)": "Open the sample report (Thừa Thiên Huế, Q1 2020)",
    "Mở bản &sửa đổi…": "Open a &revision…",
    "Mở bản sửa đổi": "Open a revision",
    "Mở lại báo cáo": "Reopen the report",
    "Mục": "Section",
    "Mục &lục": "&Outline",
    "Mục &tiếp theo": "&Next section",
    "Mục &trước": "&Previous section",
    "Mục lục báo cáo": "Report outline",
    "Mức": "Qualifier",
    "Ngày": "Date",
    "Ngày ban hành": "Date issued",
    "Ngày phải viết dạng ngày/tháng/năm, ví dụ 31/01/2020.": "Write the date as day/month/year, e.g. 31/01/2020.",
    "Ngôn ngữ": "Language",
    "Ngôn ngữ mới được dùng khi mở lại phần mềm.": "The new language applies when the app is restarted.",
    "Nhiệm vụ kỳ tới": "Next period's tasks",
    "Nhiệm vụ {period}": "Tasks for {period}",
    "Nhiệm vụ {period} – {title}": "Tasks for {period} – {title}",
    "Nhiệm vụ đã đề ra": "Planned task",
    "Nhiệm vụ đề ra kỳ trước ({period})": "Tasks planned last period ({period})",
    "Nơi nhận (mỗi dòng một nơi)": "Recipients (one per line)",
    "Nội dung": "Text",
    "Sao lưu cơ sở dữ liệu": "Back up the database",
    "Sau khi ban hành, báo cáo không sửa trực tiếp được; bản PDF được lưu kèm mã SHA-256.":
        "Once issued, the report cannot be edited in place; the PDF is kept with its SHA-256.",
    "So cùng kỳ": "Change",
    "Số": "Number",
    "Số liệu và nội dung": "Figures and text",
    "Số, ký hiệu": "Number, symbol",
    "Sửa {code}": "Edit {code}",
    "Sửa…": "Edit…",
    "T&rợ giúp": "&Help",
    "Tham mưu UBND": "Advised for PC",
    "Tham mưu UBND ban hành (đưa vào phụ lục)": "Advised for the People's Committee (listed in the appendix)",
    "Thay nội dung hiện tại bằng nội dung kỳ trước?": "Replace the current text with last period's?",
    "Thuộc mục": "Section",
    "Thêm văn bản": "Add a document",
    "Thêm…": "Add…",
    "Thông tin &đơn vị và cài đặt…": "&Office profile and settings…",
    "Thông tin đơn vị và cài đặt": "Office profile and settings",
    "Thư mục dùng chung": "Shared folder",
    "Trích dẫn": "Citation",
    "Trích yếu": "Summary",
    "Tên cơ quan": "Office name",
    "Tìm văn bản (số, ký hiệu, trích yếu…)": "Find a document (number, symbol, summary…)",
    "Tạo": "Create",
    "Tạo đơn vị": "Create an office",
    "Tạo đơn vị &mới…": "&New office…",
    "Tạo đơn vị của tôi…": "Create my office…",
    "Văn bản": "Documents",
    "Văn bản có vẻ gõ bằng bảng mã {enc}. Đề nghị chuyển: {text}":
        "The text looks typed in the {enc} encoding. Suggested conversion: {text}",
    "Xem bản đã ban &hành": "View the issued &copy",
    "Xem trước nội dung": "Text preview",
    "Xem trước đoạn văn với số liệu hiện tại.": "Preview of the paragraphs with the current figures.",
    "Xuất báo cáo": "Export the report",
    "Xuất {fmt}…": "Export {fmt}…",
    "Xóa": "Delete",
    "Xóa văn bản": "Delete document",
    "Xóa văn bản {ref} khỏi báo cáo?": "Remove document {ref} from the report?",
    "bản": "revision",
    "chưa lưu": "not saved",
    "chữ viết tắt": "symbol",
    "mã đơn vị": "office code",
    "ngày/tháng/năm, ví dụ 31/01/2020": "day/month/year, e.g. 31/01/2020",
    "tên cơ quan": "office name",
    "Áp dụng từ ngày": "Valid from",
    "Ô &nội dung": "&Text box",
    "ĐVT": "Unit",
    "Đang mở báo cáo…": "Opening the report…",
    "Đang nạp báo cáo mẫu…": "Loading the sample report…",
    "Đang thực hiện": "In progress",
    "Đang tạo bản in…": "Rendering…",
    "Đi &tới": "&Go",
    "Đánh dấu &hoàn thành": "Mark &complete",
    "Đã ban hành; bản PDF đã được lưu.": "Issued; the PDF is kept.",
    "Đã gửi {pages} trang tới máy in.": "Sent {pages} pages to the printer.",
    "Đã hoàn thành": "Done",
    "Đã mở bản sửa đổi.": "Revision opened.",
    "Đã mở lại báo cáo.": "Report reopened.",
    "Đã mở {office} – {period}": "Opened {office} – {period}",
    "Đã sao lưu vào {path}": "Backed up to {path}",
    "Đã xuất ra {path}": "Exported to {path}",
    "Đã đánh dấu hoàn thành.": "Marked complete.",
    "Đã đính kèm bản chụp.": "Scan attached.",
    "Đính kèm bản &chụp đã ký…": "Attach the signed &scan…",
    "Đơn vị": "Office",
    "Đơn vị: ": "Office: ",
    "Để sau": "Later",
    "Địa danh (dòng ngày tháng)": "Place (date line)",
    "Đồng ý": "OK",
    "đang lưu…": "saving…",
    "đã lưu ✓": "saved ✓",
    "địa danh": "place",
    "Ước": "Estimate",
    "Đang lưu…": "Saving…",
    "&Gửi báo cáo lên cấp trên": "&Submit the report upward",
    "&Tổng hợp báo cáo cấp dưới…": "&Consolidate subordinate reports…",
    "&Xuất khóa công khai của đơn vị…": "E&xport the office's public key…",
    "Bản": "Rev.",
    "Chi tiết": "Details",
    "Chèn đoạn đã chọn vào nội dung": "Insert the selected paragraph into the text",
    "Chưa gửi: {offices}": "Not submitted: {offices}",
    "Chọn tệp khóa công khai": "Choose a public key file",
    "Chờ": "Held",
    "Dừng": "Stop",
    "Hạn gửi": "Due",
    "Khóa công khai": "Public key",
    "Lý do": "Reason",
    "Lần này": "This run",
    "Mã": "Code",
    "Ngày gửi": "Sent",
    "Nội dung các đơn vị": "Offices' text",
    "Rẽ nhánh": "Fork",
    "Số liệu theo đơn vị": "Figures by office",
    "Thư mục: {folder}": "Folder: {folder}",
    "Tin cậy &khóa của đơn vị…": "&Trust an office's key…",
    "Tin cậy khóa của đơn vị": "Trust an office's key",
    "Tình hình gửi báo cáo": "Submissions",
    "Tình trạng": "Status",
    "Tất cả đơn vị đã gửi.": "Every office has submitted.",
    "Tệp": "File",
    "Tệp bị từ chối hoặc đang chờ": "Files rejected or held",
    "Tệp khóa (*.key *.json)": "Key files (*.key *.json)",
    "Tệp khóa (*.key)": "Key files (*.key)",
    "Tổng hợp {period}": "Consolidation, {period}",
    "Từ chối": "Rejected",
    "Xuất báo cáo tổng hợp": "Export the consolidated report",
    "Xuất báo cáo tổng hợp (PDF)…": "Export the consolidated report (PDF)…",
    "Xuất khóa công khai": "Export the public key",
    "{new} gói mới được nhận, {rejected} bị từ chối, {held} đang chờ; {old} tệp đã xét trước đây.":
        "{new} new packages accepted, {rejected} rejected, {held} held; {old} files seen before.",
    "Đã có": "Already had",
    "Đã dừng giữa chừng. ": "Stopped part way. ",
    "Đã gửi {name} vào thư mục dùng chung.": "Wrote {name} to the shared folder.",
    "Đã nhận": "Accepted",
    "Đã tin cậy khóa của {office} ({fp}).": "Trusted the key of {office} ({fp}).",
    "Đã xuất khóa của {office}.\nDấu vân tay: {fp}": "Exported the key of {office}.\nFingerprint: {fp}",
    "Đã đối chiếu, tin cậy": "Checked, trust it",
    "Đóng": "Close",
    "Đơn vị: {office}\nDấu vân tay: {fingerprint}\n\nHãy đối chiếu dấu vân tay này với đơn vị gửi (đọc qua điện thoại hoặc xem trên máy của họ) trước khi tin cậy.":
        "Office: {office}\nFingerprint: {fingerprint}\n\nCompare this fingerprint with the sending office "
        "(read it over the phone, or on their screen) before trusting it.",
    "Đồng &bộ": "S&ync",
    "Đồng &bộ thư mục dùng chung…": "S&ync the shared folder…",
    "Đồng bộ thư mục dùng chung": "Sync the shared folder",
    "&Xuất PDF…": "E&xport PDF…",
    "Có": "Yes",
    "In báo cáo": "Print the report",
    "Không": "No",
    "Loại tệp:": "File type:",
    "Mở": "Open",
    "Thư mục:": "Look in:",
    "Tên tệp:": "File name:",
    "Xem trước – {title}": "Preview – {title}",
    "Đó&ng": "&Close",
    "Tự động sao lưu vào thư mục dùng chung khi đóng phần mềm": "Back up to the shared folder when closing the app",
}


def build() -> list[str]:
    """Write en/LC_MESSAGES/baocao.po and .mo; return msgids with no English."""
    with open(LOCALE / "baocao.pot", "rb") as handle:
        catalog = read_po(handle, locale="en")
    missing = []
    for message in catalog:
        if not message.id:
            continue
        english = ENGLISH.get(message.id)
        if english is None:
            missing.append(message.id)
        else:
            message.string = english
    target = LOCALE / "en" / "LC_MESSAGES"
    target.mkdir(parents=True, exist_ok=True)
    with open(target / "baocao.po", "wb") as handle:
        write_po(handle, catalog, omit_header=True, sort_output=True, no_location=True)
    with open(target / "baocao.mo", "wb") as handle:
        write_mo(handle, catalog)
    return missing


if __name__ == "__main__":
    missing = build()
    for msgid in missing:
        print(f"no English for: {msgid!r}", file=sys.stderr)
    sys.exit(1 if missing else 0)
