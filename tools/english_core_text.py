"""English for the core's messages, by their numbered Vietnamese form (see ``tools/english_core.py``)."""
# ruff: noqa: E501

ENGLISH = {
    "{0}: cách hiển thị “{1}” trong {2} không có.":
        "{0}: there is no view “{1}” in {2}.",
    "{0}: {1} ({2}) nhưng {3}; bản in sẽ hiện “…”.":
        "{0}: {1} ({2}) but {3}; the printout will show “…”.",
    "{0}: {1} in chỉ tiêu {2} của “{3}” nhưng chưa nhập kế hoạch kỳ đó (set --period {4} --indicator {5} --plan …); bản in sẽ hiện “…”.":
        "{0}: {1} prints the target for {2} of “{3}” but that period's plan is not entered (set --period {4} --indicator {5} --plan …); the printout will show “…”.",
    "Tiêu đề “{0}” không có trong mẫu {1}: viết ketqua, nhiemvu, mã hoặc số của mục (thêm “:nhiemvu” cho tiêu đề mục ở phần nhiệm vụ kỳ tới). Các mục: {2}.":
        "Heading “{0}” is not in template {1}: write ketqua, nhiemvu, or a section's code or number (add “:nhiemvu” for a section's heading among next period's tasks). Sections: {2}.",
    "{0}: tiêu đề “{1}” không có trong mẫu kèm theo.":
        "{0}: heading “{1}” is not in the enclosed template.",
    "Không đọc được nội dung bản sao lưu {0}: {1}; chưa thay đổi gì.":
        "Could not read the contents of the backup {0}: {1}; nothing was changed.",
    "Tệp {0} chính là cơ sở dữ liệu đang dùng; hãy chọn một bản sao lưu khác.":
        "The file {0} is the database in use; choose another backup.",
    "nội dung báo cáo nhận không đúng dạng lưu":
        "the received report's contents are not in the stored form",
    "Nháp": "Draft",
    "Hoàn thành": "Complete",
    "Đã ban hành": "Issued",
    "Đã gửi": "Submitted",
    "Lỗi": "Error",
    "Cảnh báo": "Warning",
    "Báo cáo chưa có số liệu hay nội dung nào.":
        "The report has no figures or text yet.",
    "Báo cáo còn lỗi; hãy sửa (xem “validate”) trước khi gửi.":
        "The report still has errors; fix them (see “validate”) before submitting.",
    "Báo cáo của {0} do đơn vị đó gửi lên: chỉ xem, không sửa ở đây. Đơn vị đó sửa rồi gửi lại.":
        "The report of {0} was submitted by that office: view only, not editable here. That office corrects it and submits again.",
    "Báo cáo này chưa ban hành nên chưa có bản PDF lưu trữ.":
        "This report is not issued, so there is no archived PDF yet.",
    "Báo cáo vừa thay đổi trong lúc in bản ban hành; hãy ban hành lại.":
        "The report changed while the issued copy was being printed; issue it again.",
    "Báo cáo {0} bản {1} của {2} đã ban hành hoặc đã gửi: không sửa, không xóa được; chỉ mở được bản sửa đổi mới.":
        "Report {0} revision {1} of {2} is issued or submitted: it cannot be changed or deleted; only a new revision can be opened.",
    "Báo cáo {0} của {1} ở trạng thái “{2}”: không sửa trực tiếp được. Hãy mở bản sửa đổi mới.":
        "Report {0} of {1} is “{2}”: it cannot be edited directly. Open a new revision.",
    "Báo cáo {0} đã đánh dấu hoàn thành; hãy mở lại để sửa.":
        "Report {0} is marked complete; reopen it to edit.",
    "Báo cáo đang là bản nháp; hãy đánh dấu hoàn thành hoặc ban hành trước khi gửi.":
        "The report is a draft; mark it complete or issue it before submitting.",
    "Báo cáo đang ở trạng thái “{0}”, không phải bản nháp.":
        "The report is “{0}”, not a draft.",
    "Báo cáo đang ở trạng thái “{0}”; không ban hành lại được.":
        "The report is “{0}”; it cannot be issued again.",
    "Bản chụp {0} phải là tệp PDF, JPEG, PNG hoặc TIFF.":
        "The scan {0} must be a PDF, JPEG, PNG or TIFF file.",
    "Bản sao lưu không đạt kiểm tra toàn vẹn: {0}":
        "The backup failed the integrity check: {0}",
    "Chưa có đơn vị nào; hãy tạo đơn vị trước.":
        "There is no office yet; create one first.",
    "Chưa nhập số.":
        "No number entered.",
    "Chỉ mở bản sửa đổi cho báo cáo đã ban hành; bản nháp sửa trực tiếp được.":
        "Revisions are only for issued reports; a draft can be edited directly.",
    "Chỉ mở lại được báo cáo đã đánh dấu hoàn thành; báo cáo đã ban hành cần bản sửa đổi.":
        "Only a report marked complete can be reopened; an issued report needs a revision.",
    "Chỉ số tiền mới dùng “{0}”; số lượng dùng “nghìn”, “triệu”.":
        "Only amounts of money use “{0}”; counts use “nghìn”, “triệu”.",
    "Chỉ số tiền và số lượng mới dùng được “nghìn”, “triệu”, “tỷ”.":
        "Only money and counts can use “nghìn”, “triệu”, “tỷ”.",
    "Chỉ tiêu này không nhập theo phần trăm.":
        "This indicator is not entered as a percentage.",
    "Chỉ tiêu “{0}” không có trong mẫu báo cáo.":
        "Indicator “{0}” is not in the report template.",
    "Chỉ tiêu “{0}” không có trong phiên bản mới.":
        "Indicator “{0}” is not in the new version.",
    "Chỉ tiêu “{0}” không có trong phiên bản đang dùng.":
        "Indicator “{0}” is not in the version in use.",
    "Chỉ tiêu “{0}” đã có số liệu; không đổi “{1}” sang đó được.":
        "Indicator “{0}” already has a figure; “{1}” cannot be renamed to it.",
    "Chỉ đính kèm bản chụp cho báo cáo đã ban hành.":
        "Scans can only be attached to issued reports.",
    "Chức danh và họ tên người ký dài quá 200 ký tự.":
        "The signer's title and name are longer than 200 characters.",
    "Các phần cộng lại {0} khác tổng {1} = {2}.":
        "The parts add up to {0}, not the total {1} = {2}.",
    "Cách hiển thị “{0}” trong {1} không có.":
        "There is no view “{0}” in {1}.",
    "Còn {0} lỗi phải sửa trước khi đánh dấu hoàn thành; lỗi đầu tiên: {1}":
        "{0} errors must be fixed before marking complete; the first: {1}",
    "Cơ sở dữ liệu có nhiều đơn vị; hãy ghi rõ --office.":
        "The database has several offices; name one with --office.",
    "Cấp đơn vị “{0}” không hợp lệ (province, district, commune).":
        "Office level “{0}” is not valid (province, district, commune).",
    "Cần chức danh và họ tên người ký.":
        "The signer's title and name are needed.",
    "Cột “{0}” không sửa được.":
        "Column “{0}” cannot be edited.",
    "Gói {0} đã có trong thư mục dùng chung; không ghi đè.":
        "Package {0} is already in the shared folder; not overwritten.",
    "Hai chỉ tiêu không thể cùng đổi sang một mã.":
        "Two indicators cannot be renamed to the same code.",
    "Hãy ghi lý do (ít nhất 5 ký tự); lý do được lưu vào nhật ký.":
        "Give a reason (at least 5 characters); it is kept in the change log.",
    "Khóa có vân tay {0} là khóa ký của {1} trên chính máy này; không tin cậy nó cho {2}.":
        "The key with fingerprint {0} is the signing key of {1} on this computer; it is not trusted for {2}.",
    "Khóa có vân tay {0} đã được tin cậy cho đơn vị {1}; không tin cậy nó cho {2}. Mỗi khóa chỉ thuộc một đơn vị: hãy lấy tệp khóa đúng của {3}.":
        "The key with fingerprint {0} is already trusted for office {1}; it is not trusted for {2}. A key belongs to one office only: get the right key file of {3}.",
    "Không có báo cáo {0}.":
        "There is no report {0}.",
    "Không có bản chụp này.":
        "There is no such scan.",
    "Không có chỉ tiêu mã “{0}”.":
        "There is no indicator with code “{0}”.",
    "Không có mẫu báo cáo số {0}.":
        "There is no report template number {0}.",
    "Không có mục mã “{0}”.":
        "There is no section with code “{0}”.",
    "Không có đơn vị mã “{0}”. Chạy “demo” hoặc “office add” trước.":
        "There is no office with code “{0}”. Run “demo” or “office add” first.",
    "Không có đơn vị {0}.":
        "There is no office {0}.",
    "Không ghi được bản sao lưu vào {0}: {1}":
        "The backup could not be written to {0}: {1}",
    "Không ghi được tệp khóa ký {0}: {1}":
        "The signing key file {0} could not be written: {1}",
    "Không ghi được tệp {0}: {1}":
        "The file {0} could not be written: {1}",
    "Không ghi được vào thư mục dùng chung {0}: {1}":
        "Could not write to the shared folder {0}: {1}",
    "Không truy cập được thư mục dùng chung {0}; không có gì được ghi.":
        "The shared folder {0} cannot be reached; nothing was written.",
    "Không truy cập được thư mục {0}; chưa sao lưu.":
        "The folder {0} cannot be reached; no backup made.",
    "Không đọc được tệp khóa ký {0}: {1}":
        "The signing key file {0} could not be read: {1}",
    "Không đọc được {0} {1}: {2}.":
        "Could not read {0} {1}: {2}.",
    "Kiểu đoạn “{0}” không hợp lệ.":
        "Paragraph style “{0}” is not valid.",
    "Kỳ báo cáo “{0}” không hợp lệ; viết như 2021-M7 (tháng), 2020-Q1 (quý), 2020-H1, 2020-9M, 2021-7M (7 tháng đầu năm) hoặc 2020-Y.":
        "Reporting period “{0}” is not valid; write e.g. 2021-M7 (month), 2020-Q1 (quarter), 2020-H1, 2020-9M, 2021-7M (first 7 months) or 2020-Y.",
    "Kỳ nguồn và kỳ mới trùng nhau ({0}).":
        "The source and the new period are the same ({0}).",
    "Mã đơn vị phải là chữ, không phải {0}.":
        "An office code must be text, not {0}.",
    "Mã đơn vị “{0}” không hợp lệ: chỉ gồm chữ cái không dấu (A–Z), số và dấu “-”, tối đa {1} ký tự, không bắt đầu bằng “-”.":
        "Office code “{0}” is not valid: only unaccented letters (A–Z), digits and “-”, at most {1} characters, not starting with “-”.",
    "Mã đơn vị “{0}” trùng tên Windows dành riêng; hãy chọn mã khác.":
        "Office code “{0}” is a name Windows reserves; choose another code.",
    "Mã định danh đơn vị “{0}” không hợp lệ hoặc đã thuộc đơn vị khác.":
        "Office identifier “{0}” is not valid or already belongs to another office.",
    "Mẫu báo cáo không có mục mã “{0}”.":
        "The report template has no section with code “{0}”.",
    "Mẫu báo cáo {0} không có chỉ tiêu mã “{1}”.":
        "Report template {0} has no indicator with code “{1}”.",
    "Mẫu số phải lớn hơn 0.":
        "The denominator must be greater than 0.",
    "Mẫu {0} phiên bản {1} đã có với nội dung khác; hãy tăng số phiên bản khi sửa mẫu.":
        "Template {0} version {1} already exists with different content; raise the version number when editing a template.",
    "Mục {0}: chưa nhập {1} chỉ tiêu ({2}).":
        "Section {0}: {1} indicators not entered yet ({2}).",
    "Mục {0}: {1} đã in đơn vị “{2}”, chữ “{3}” gõ sau nó sẽ in hai lần; hãy xóa chữ này hoặc dùng {{{4}:so}} (chỉ số).":
        "Section {0}: {1} already prints the unit “{2}”; the “{3}” typed after it would print twice; delete it or use {{{4}:so}} (number only).",
    "Ngày ban hành {0} không hợp lý.":
        "Issue date {0} is not plausible.",
    "Ngày ban hành {0} phải từ ngày đầu kỳ báo cáo ({1}) đến hôm nay.":
        "Issue date {0} must be between the start of the period ({1}) and today.",
    "Ngày “{0}” phải viết dạng ngày/tháng/năm, ví dụ 25/09/2020.":
        "Date “{0}” must be written day/month/year, e.g. 25/09/2020.",
    "Ngôn ngữ “{0}” không hỗ trợ.":
        "Language “{0}” is not supported.",
    "Phần “{0}” không hợp lệ.":
        "Part “{0}” is not valid.",
    "Số báo cáo “{0}” phải là số (ví dụ 45).":
        "Report number “{0}” must be a number (e.g. 45).",
    "Số tiền tính đến đồng; hãy nhập theo đồng, triệu hoặc tỷ đồng.":
        "Money is counted in whole đồng; enter it in đồng, triệu or tỷ đồng.",
    "Số {0} năm {1} đã dùng cho báo cáo kỳ {2} của đơn vị.":
        "Number {0} of {1} is already used for the office's report for {2}.",
    "Số “{0}” có quá nhiều chữ số (tối đa {1} chữ số có nghĩa).":
        "Number “{0}” has too many digits (at most {1} significant digits).",
    "Số “{0}” quá lớn.":
        "Number “{0}” is too large.",
    "Số “{0}…” quá dài ({1} ký tự); một số liệu có tối đa {2} chữ số.":
        "Number “{0}…” is too long ({1} characters); a figure has at most {2} digits.",
    "Số, ký hiệu “{0}” không đúng dạng (ví dụ 171/LĐTBXH-VP, 12-NQ/TU).":
        "Number and symbol “{0}” are not in the right form (e.g. 171/LĐTBXH-VP, 12-NQ/TU).",
    "Thông tin đơn vị “{0}” dài quá {1} ký tự.":
        "Office detail “{0}” is longer than {1} characters.",
    "{0} có vẻ gõ bằng bảng mã {1}; đề nghị chuyển thành: “{2}”.":
        "{0} looks typed in the {1} encoding; suggested conversion: “{2}”.",
    "Trích yếu văn bản {0} có vẻ gõ bằng bảng mã {1}; đề nghị chuyển thành: “{2}”.":
        "The summary of document {0} looks typed in the {1} encoding; suggested conversion: “{2}”.",
    "Tên tệp “{0}” không dùng được trên Windows; hãy đặt tên khác.":
        "File name “{0}” cannot be used on Windows; choose another name.",
    "Tệp khóa ghi mã định danh của một đơn vị khác đã có, không phải của {0}.":
        "The key file names the identifier of another existing office, not of {0}.",
    "Tổng các phần “trong đó” {0} lớn hơn {1} = {2}.":
        "The “of which” parts add up to {0}, more than {1} = {2}.",
    "Từ chỉ mức “{0}” không hợp lệ ({1}).":
        "Qualifier “{0}” is not valid ({1}).",
    "Tử số và mẫu số phải là số nguyên.":
        "The numerator and denominator must be whole numbers.",
    "Văn bản không còn trong báo cáo.":
        "The document is no longer in the report.",
    "Văn bản phải có loại (Công văn, Quyết định, Kế hoạch…).":
        "A document needs a type (Công văn, Quyết định, Kế hoạch…).",
    "Văn bản phải có số, ký hiệu (ví dụ 171/LĐTBXH-VP).":
        "A document needs a number and symbol (e.g. 171/LĐTBXH-VP).",
    "Văn bản số {0} đã có trong báo cáo.":
        "Document {0} is already in the report.",
    "báo cáo trong gói thuộc đơn vị khác người gửi":
        "the report in the package belongs to an office other than the sender",
    "bản PDF kèm theo hỏng":
        "the attached PDF is damaged",
    "chỉ đơn vị cấp trên mới gửi mẫu báo cáo và hạn gửi; {0} không phải cấp trên":
        "only a higher office sends templates and deadlines; {0} is not a higher office",
    "chữ ký không hợp lệ với khóa đã tin cậy của {0} (gói bị sửa hoặc ký bằng khóa khác)":
        "the signature does not match the trusted key of {0} (the package was altered or signed with another key)",
    "danh sách hạn gửi không hợp lệ":
        "the list of deadlines is not valid",
    "dữ liệu không mã hóa được thành JSON chuẩn ({0})":
        "the data cannot be encoded as canonical JSON ({0})",
    "gói của {0} nằm trong thư mục của {1}":
        "a package of {0} lies in the folder of {1}",
    "gói không áp dụng được vào cơ sở dữ liệu ({0})":
        "the package cannot be applied to the database ({0})",
    "mã băm trong tên tệp không khớp nội dung (tệp đã bị sửa hoặc bị cắt cụt)":
        "the hash in the file name does not match the content (the file was altered or truncated)",
    "mã định danh đơn vị {0} khác đơn vị đã có":
        "the office identifier of {0} differs from the known office",
    "mẫu báo cáo {0} phiên bản {1} chưa có ở đơn vị tổng hợp (nạp mẫu đó rồi đồng bộ lại)":
        "report template {0} version {1} is not installed at the consolidating office (import it, then sync again)",
    "mẫu báo cáo {0} phiên bản {1} khác nội dung mẫu cùng phiên bản ở đơn vị tổng hợp":
        "report template {0} version {1} differs from the same version at the consolidating office",
    "số “{0}” không hợp lệ (tối đa {1} chữ số)":
        "number “{0}” is not valid (at most {1} digits)",
    "tên tệp không khớp đơn vị hoặc số thứ tự bên trong gói":
        "the file name does not match the office or sequence number inside the package",
    "tên tệp không đúng dạng <ĐƠN VỊ>_<số thứ tự>_<mã băm>":
        "the file name is not of the form <OFFICE>_<sequence>_<hash>",
    "{0} (trường “report”): chỉ tiêu {1} có hai lần trong “values”.":
        "{0} (field “report”): indicator {1} appears twice in “values”.",
    "{0} = {1} lớn hơn tổng {2} = {3}.":
        "{0} = {1} is more than the total {2} = {3}.",
    "{0} = {1} nhỏ hơn mức tối thiểu {2}.":
        "{0} = {1} is below the minimum {2}.",
    "{0} = {1} vượt mức tối đa {2}.":
        "{0} = {1} is above the maximum {2}.",
    "{0} không khớp mã băm SHA-256: dữ liệu đã bị thay đổi.":
        "{0} does not match its SHA-256 hash: the data was changed.",
    "{0} là đơn vị của chính máy này; không nhận báo cáo của nó từ nơi khác":
        "{0} is this computer's own office; its reports are not accepted from elsewhere",
    "{0} là đơn vị của chính máy này; không tin cậy khóa từ nơi khác cho nó (vân tay {1}).":
        "{0} is this computer's own office; no key from elsewhere is trusted for it (fingerprint {1}).",
    "{0} là đơn vị của máy khác (nhận qua thư mục dùng chung); máy này không ký thay đơn vị đó.":
        "{0} is another computer's office (received through the shared folder); this computer does not sign for it.",
    "{0} phải là số nguyên.":
        "{0} must be a whole number.",
    "{0} thiếu mẫu số (ví dụ 5/5).":
        "{0} has no denominator (e.g. 5/5).",
    "{0} {1} không phải tệp thường (thư mục, thiết bị hay đường ống); không đọc.":
        "{0} {1} is not an ordinary file (a folder, device or pipe); not read.",
    "{0} {1} không phải tệp thường; không đọc.":
        "{0} {1} is not an ordinary file; not read.",
    "{0} {1} quá lớn (tối đa {2} KB).":
        "{0} {1} is too large (at most {2} KB).",
    "{0} {1} quá lớn ({2} KB, tối đa {3} KB).":
        "{0} {1} is too large ({2} KB, at most {3} KB).",
    "{0}: JSON lồng nhau quá sâu.":
        "{0}: the JSON is nested too deeply.",
    "{0}: báo cáo trong gói thuộc đơn vị khác người gửi.":
        "{0}: the report in the package belongs to an office other than the sender.",
    "{0}: báo cáo {1} bản {2} của {3} đã ban hành ở đây; không ghi đè được (chỉ mở được bản sửa đổi mới).":
        "{0}: report {1} revision {2} of {3} is issued here; it cannot be overwritten (only a new revision can be opened).",
    "{0}: báo cáo {1} bản {2} của {3} ở đây có mã định danh khác; không ghi đè được.":
        "{0}: report {1} revision {2} of {3} has another identifier here; it cannot be overwritten.",
    "{0}: bản PDF ban hành kèm theo báo cáo chưa ban hành":
        "{0}: an issued PDF comes with a report that is not issued",
    "{0}: dấu vân tay ghi trong tệp khóa không khớp với khóa: tệp đã bị sửa.":
        "{0}: the fingerprint written in the key file does not match the key: the file was altered.",
    "{0}: dữ liệu báo cáo phải là một đối tượng JSON.":
        "{0}: report data must be a JSON object.",
    "{0}: dữ liệu báo cáo thiếu phần “{1}”.":
        "{0}: the report data lacks “{1}”.",
    "{0}: dữ liệu báo cáo định dạng phiên bản {1} chưa được hỗ trợ.":
        "{0}: report data format version {1} is not supported.",
    "{0}: dữ liệu báo cáo định dạng phiên bản {1} chưa được hỗ trợ; hãy cập nhật phần mềm.":
        "{0}: report data format version {1} is not supported; update the software.",
    "{0}: files[{1}]: dữ liệu tệp “{2}” không phải base64 hợp lệ.":
        "{0}: files[{1}]: the data of file “{2}” is not valid base64.",
    "{0}: files[{1}]: tệp đính kèm “{2}” không khớp mã băm SHA-256.":
        "{0}: files[{1}]: the attached file “{2}” does not match its SHA-256 hash.",
    "{0}: khóa “{1}” xuất hiện hai lần trong cùng một đối tượng.":
        "{0}: key “{1}” appears twice in the same object.",
    "{0}: không phải JSON hợp lệ ({1}).":
        "{0}: not valid JSON ({1}).",
    "{0}: không phải JSON hợp lệ.":
        "{0}: not valid JSON.",
    "{0}: không phải dữ liệu báo cáo (thiếu \"format\": \"baocao-report\").":
        "{0}: not report data (\"format\": \"baocao-report\" missing).",
    "{0}: không phải dữ liệu báo cáo (thiếu “format”: “{1}”).":
        "{0}: not report data (“format”: “{1}” missing).",
    "{0}: không phải là mẫu báo cáo (thiếu “format”: “{1}”).":
        "{0}: not a report template (“format”: “{1}” missing).",
    "{0}: kỳ hoặc bản trong báo cáo ({1} bản {2}) khác với gói ({3} bản {4}).":
        "{0}: the period or revision in the report ({1} revision {2}) differs from the package ({3} revision {4}).",
    "{0}: mã định danh báo cáo {1} đã thuộc báo cáo {2} kỳ {3} bản {4}.":
        "{0}: report identifier {1} already belongs to the report of {2} for {3} revision {4}.",
    "{0}: mã định danh đơn vị {1} đã thuộc một đơn vị khác mã.":
        "{0}: office identifier {1} already belongs to an office with another code.",
    "{0}: mẫu báo cáo quá lớn (tối đa {1} mục, {2} chỉ tiêu).":
        "{0}: the report template is too large (at most {1} sections, {2} indicators).",
    "{0}: mẫu báo cáo định dạng phiên bản {1} chưa được hỗ trợ; hãy cập nhật phần mềm.":
        "{0}: report template format version {1} is not supported; update the software.",
    "{0}: ngày “{1}” không có thật.":
        "{0}: date “{1}” does not exist.",
    "{0}: quá lớn ({1} KB, tối đa {2} KB).":
        "{0}: too large ({1} KB, at most {2} KB).",
    "{0}: thiếu trường “{1}” của gói loại {2}.":
        "{0}: field “{1}” of a package of kind {2} is missing.",
    "{0}: trường “files”: có hơn một bản PDF ban hành.":
        "{0}: field “files”: more than one issued PDF.",
    "{0}: trường “format_version”: {1} trong tệp dạng phiên bản {2}.":
        "{0}: field “format_version”: {1} in a file of format version {2}.",
    "{0}: trường “office.profiles”: cần từ 1 đến 100 thông tin đơn vị.":
        "{0}: field “office.profiles”: 1 to 100 office details are needed.",
    "{0}: trường “office”: cần đối tượng.":
        "{0}: field “office”: an object is needed.",
    "{0}: trường “office”: {1}":
        "{0}: field “office”: {1}",
    "{0}: trường “package”: cần đối tượng.":
        "{0}: field “package”: an object is needed.",
    "{0}: trường “package”: quá nhiều phần tử ({1} > {2}).":
        "{0}: field “package”: too many elements ({1} > {2}).",
    "{0}: trường “pdf_sha256”: mã băm bản PDF kèm theo không khớp.":
        "{0}: field “pdf_sha256”: the hash of the attached PDF does not match.",
    "{0}: trường “pdf_sha256”: phải có cùng bản PDF kèm theo.":
        "{0}: field “pdf_sha256”: must come with the attached PDF.",
    "{0}: trường “pdf”: bản PDF kèm theo hỏng.":
        "{0}: field “pdf”: the attached PDF is damaged.",
    "{0}: trường “public_key”: không phải khóa công khai Ed25519.":
        "{0}: field “public_key”: not an Ed25519 public key.",
    "{0}: trường “report.number”: “{1}” phải là số.":
        "{0}: field “report.number”: “{1}” must be a number.",
    "{0}: trường “report.period”: {1}":
        "{0}: field “report.period”: {1}",
    "{0}: trường “signature”: chữ ký không đúng dạng (gói chưa được ký?).":
        "{0}: field “signature”: the signature is malformed (is the package unsigned?).",
    "{0}: trường “valid_from”: ngày “{1}” không có thật.":
        "{0}: field “valid_from”: date “{1}” does not exist.",
    "{0}: trường “{1}”: cần danh sách (tối đa {2} mục).":
        "{0}: field “{1}”: a list is needed (at most {2} items).",
    "{0}: trường “{1}”: {2}":
        "{0}: field “{1}”: {2}",
    "{0}: tệp “{1}” chỉ đi kèm báo cáo đã ban hành, mà báo cáo trong tệp đang ở trạng thái “{2}”.":
        "{0}: file “{1}” only comes with issued reports, and the report in the file is “{2}”.",
    "{0}: tử số {1} lớn hơn mẫu số {2}.":
        "{0}: numerator {1} is greater than denominator {2}.",
    "{0}: values[{1}]: chỉ tiêu “{2}” không có trong mẫu kèm theo.":
        "{0}: values[{1}]: indicator “{2}” is not in the enclosed template.",
    "{0}: values[{1}]: chỉ tiêu “{2}” xuất hiện hai lần.":
        "{0}: values[{1}]: indicator “{2}” appears twice.",
    "{0}: văn bản mã {1} đã thuộc một báo cáo khác ở đây; tệp không nhập được.":
        "{0}: document id {1} already belongs to another report here; the file cannot be imported.",
    "{0}: {1} “{2}” xuất hiện hai lần.":
        "{0}: {1} “{2}” appears twice.",
    "{0}: {1}[{2}]: mục “{3}” không có trong mẫu kèm theo.":
        "{0}: {1}[{2}]: section “{3}” is not in the enclosed template.",
    "{0}: đơn vị {1} trong tệp khác đơn vị {2} đang có (mã định danh khác).":
        "{0}: office {1} in the file differs from office {2} here (another identifier).",
    "{0}{1}: chưa có số liệu {2}; các số cộng dồn thiếu kỳ này.":
        "{0}{1}: no figures for {2} yet; the totals lack that period.",
    "Đoạn văn có vẻ gõ bằng bảng mã {0}; đề nghị chuyển thành: “{1}”.":
        "The paragraph looks typed in the {0} encoding; suggested conversion: “{1}”.",
    "Đoạn văn dùng {0} nhưng chưa nhập {1}.":
        "The text uses {0} but {1} is not entered.",
    "Đoạn văn dùng {0} nhưng mẫu không có chỉ tiêu {1}.":
        "The text uses {0} but the template has no indicator {1}.",
    "Đoạn văn dùng {0} nhưng {1} {2}; bản in sẽ hiện “…”.":
        "The text uses {0} but {1} {2}; the print will show “…”.",
    "Đoạn văn dẫn văn bản {0} nhưng văn bản này chưa có trong danh mục.":
        "The text cites document {0}, which is not in the register.",
    "Đã có bản {0} của báo cáo này.":
        "Revision {0} of this report already exists.",
    "Đã có đơn vị mã {0}.":
        "An office with code {0} already exists.",
    "Đã nhập phần “trong đó” nhưng chưa nhập tổng {0}.":
        "An “of which” part is entered but the total {0} is not.",
    "Đã tin cậy một khóa khác của {0} (vân tay {1}). Nếu đơn vị đã đổi khóa, hãy xác nhận thay thế.":
        "Another key of {0} is trusted (fingerprint {1}). If the office changed its key, confirm the replacement.",
    "Đơn vị phải có tên, địa danh và chữ viết tắt.":
        "An office needs a name, a place and a symbol.",
    "Đơn vị {0} chưa có báo cáo kỳ {1}.":
        "Office {0} has no report for {1}.",
    "Đơn vị {0} chưa có báo cáo {1} để chép sang {2}.":
        "Office {0} has no report for {1} to copy into {2}.",
    "Đơn vị {0} phải có ít nhất một thông tin đơn vị.":
        "Office {0} needs at least one set of office details.",
    "“{0}” ({1}): các kỳ có {2} nhưng chỉ tiêu cùng nhóm đã nhập tay cho {3}; hãy nhập cả số này để tổng và phần “trong đó” cùng một nguồn.":
        "“{0}” ({1}): the periods hold {2}, but an indicator of its group was typed for {3}; type this figure too, so the total and its “of which” parts come from one source.",
    "“{0}” ({1}): số nhập cho {2} là {3}, cộng từ các kỳ là {4}; bản in dùng số nhập.":
        "“{0}” ({1}): the figure typed for {2} is {3}, the periods add up to {4}; the print uses the typed figure.",
    "“{0}” không phải là một số.":
        "“{0}” is not a number.",
    "“{0}” không phải số nguyên: chỉ tiêu này đếm số lượng (dấu phẩy là phần thập phân; hàng nghìn viết 2.607).":
        "“{0}” is not a whole number: this indicator counts (a comma starts decimals; thousands are written 2.607).",
    "“{0}” là một thư mục; hãy chọn tên tệp sao lưu.":
        "“{0}” is a folder; choose a backup file name.",
    "“{0}” là một thư mục; hãy chọn tên tệp.":
        "“{0}” is a folder; choose a file name.",
    "“{0}” phải viết dạng tử/mẫu, ví dụ 5/5.":
        "“{0}” must be written as numerator/denominator, e.g. 5/5.",
    "“{0}”: chỉ dùng một từ chỉ mức (“{1}” hoặc “{2}”).":
        "“{0}”: use one qualifier only (“{1}” or “{2}”).",
    "“{0}”: số lượng và số tiền không được âm.":
        "“{0}”: counts and money cannot be negative.",
    "“{0}”: tử số phải từ 0 đến mẫu số (ví dụ 5/5).":
        "“{0}”: the numerator must be between 0 and the denominator (e.g. 5/5).",
    "Cơ sở dữ liệu này {0}. Hãy sửa trong cửa sổ đó, hoặc đóng nó rồi chạy lại.":
        "This database {0}. Make the change in that window, or close it and run again.",
    "Cơ sở dữ liệu đang bận: một chương trình khác đang ghi. Hãy chờ xong (hoặc đóng cửa sổ phần mềm nếu đang mở) rồi chạy lại.":
        "The database is busy: another program is writing. Wait until it is done (or close the app's window if it is open), then run again.",
    "Cơ sở dữ liệu đang bận: {0}. Hãy chờ xong rồi chạy lại.":
        "The database is busy: {0}. Wait until it is done, then run again.",
    "Không ghi được tệp khóa {0} ({1}): thư mục chứa cơ sở dữ liệu phải ghi được thì mới sửa được dữ liệu. Các lệnh chỉ đọc (get, validate, export, dump, audit, office list, keys list) vẫn dùng được; để sửa, hãy chép tệp vào một thư mục ghi được.":
        "The lock file {0} could not be written ({1}): the database's folder must be writable to change data. Read-only commands (get, validate, export, dump, audit, office list, keys list) still work; to make changes, copy the file into a writable folder.",
    "Tệp khóa {0} {1} mà cơ sở dữ liệu này đã dùng để ký cho {2}{3}. Tệp khóa phải nằm cạnh cơ sở dữ liệu: hãy chép tệp <tên cũ>.keys từ chỗ cũ thành {4}, hoặc khôi phục bằng lệnh “restore” (giữ khóa của máy này). Không tạo khóa mới, vì đơn vị cấp trên sẽ từ chối gói ký bằng khóa lạ.":
        "The key file {0} {1} that this database used to sign for {2}{3}. The key file must sit beside the database: copy <old name>.keys from its old place as {4}, or restore with the “restore” command (it keeps this computer's key). No new key is made, because the higher office would refuse packages signed with an unknown key.",
    "“{0}” không phải là số (ví dụ đúng: 2.607 hoặc 13,302).":
        "“{0}” is not a number (correct examples: 2.607 or 13,302).",
    "“{0}” không rõ nghĩa: dấu chấm phân cách hàng nghìn (2.607), dấu phẩy ngăn phần thập phân (13,302).":
        "“{0}” is ambiguous: a dot separates thousands (2.607), a comma starts decimals (13,302).",
    "“{0}” viết theo kiểu tiếng Anh; hãy dùng dấu chấm cho hàng nghìn: 2.607.":
        "“{0}” is written the English way; use a dot for thousands: 2.607.",
    "{0}: báo cáo {1} bản {2} của {3} ở đây đang ở trạng thái “{4}”; nhập tệp không biến nó thành bản đã ban hành (ban hành bằng lệnh “issue”).":
        "{0}: report {1} revision {2} of {3} here is “{4}”; importing a file does not make it issued (issue it with the “issue” command).",
    "{0}: trường “pdf”: {1}.":
        "{0}: field “pdf”: {1}.",
    "{0}bản PDF ban hành “{1}” của báo cáo {2} bản {3} của {4}: {5}.":
        "{0}the issued PDF “{1}” of report {2} revision {3} of {4}: {5}.",
    "Không có mẫu báo cáo mã “{0}”. Các mẫu đã nạp: {1}. Nạp mẫu mới bằng “template import TỆP”.":
        "There is no report template with code “{0}”. Installed templates: {1}. Install a new one with “template import FILE”.",
    "Ngày “{0}” không có thật.":
        "The date “{0}” does not exist.",
    "Ngày “{0}” phải viết dạng ngày/tháng/năm (15/6/2021) hoặc 2021-06-15.":
        "The date “{0}” must be written day/month/year (15/6/2021) or 2021-06-15.",
    "{0} dài {1} ký tự; tối đa {2} ký tự.":
        "{0} is {1} characters long; at most {2} characters.",
    "{0}, nội dung: {1} giống hệt báo cáo {2} (“{3}”); có phải chép từ kỳ trước mà chưa sửa?":
        "{0}, text: {1} is identical to the report of {2} (“{3}”); was it copied from the last period and not updated?",
    "{0}, {1}: chính tả “{2}” {3}; {4}.":
        "{0}, {1}: spelling “{2}” {3}; {4}.",
    "{0}, {1}: “{2}” không phải kỳ của báo cáo này ({3}) hay kỳ tới; nếu không phải để so sánh, có phải lời văn chép từ báo cáo trước?":
        "{0}, {1}: “{2}” is neither this report's period ({3}) nor the next; unless it is a comparison, was the text copied from an earlier report?",
    "“{0}” ({1}) = {2} nằm ngoài khoảng thường gặp {3} – {4} (trung bình ± {5} độ lệch chuẩn của {6} kỳ {7}); hãy kiểm tra lại.":
        "“{0}” ({1}) = {2} is outside the usual range {3} – {4} (mean ± {5} standard deviations of {6} periods {7}); please check it.",
    "“{0}” ({1}) = {2}, đúng bằng số của {3}; số phát sinh trong kỳ ít khi trùng nhau: có phải chép từ kỳ trước?":
        "“{0}” ({1}) = {2}, exactly the figure of {3}; figures for a period rarely repeat: was it copied from the last period?",
    'Báo cáo {0} kỳ {1} đã có nội dung; nhập từ tệp Word chỉ điền vào một báo cáo còn trống.':
        'The {0} report for {1} already has content; a Word import only fills an empty report.',
    'Tệp {0} hỏng hoặc không phải tệp Word (.docx).':
        'The file {0} is damaged or not a Word file (.docx).',
    'Tệp {0} khi giải nén quá lớn so với kích thước tệp; phần mềm không mở tệp này.':
        'The file {0} unpacks to far more than its size; the software does not open it.',
    'Tệp {0} không có phần nội dung của tệp Word (word/document.xml).':
        'The file {0} has no Word document body (word/document.xml).',
    'Tệp {0} không phải tệp Word (.docx) đọc được.':
        'The file {0} is not a readable Word file (.docx).',
    'Tệp {0} không phải tệp Word (.docx): hãy lưu báo cáo ở dạng .docx rồi nhập lại.':
        'The file {0} is not a Word file (.docx): save the report as .docx and import it again.',
    '{0}: văn bản mã {1} đã có ở đây; tệp không nhập được.':
        '{0}: document id {1} is already here; the file cannot be imported.',
    'Tệp {0} có hơn {1} đoạn; đây không phải một báo cáo.':
        'The file {0} has more than {1} paragraphs; it is not a report.',
    "Mẫu báo cáo {0} không có chỉ tiêu {1}; xem mã chỉ tiêu trong mẫu báo cáo.":
        "Template {0} has no indicator {1}; see the indicator codes in the template.",
    "Mẫu báo cáo {0} không có chỉ tiêu “{1}”.": "Template {0} has no indicator “{1}”.",
    "Phụ lục biểu đồ vẽ tối đa {0} chỉ tiêu; đã chọn {1}.":
        "The charts appendix draws at most {0} indicators; {1} were chosen.",
    "Cơ sở dữ liệu hỏng: nội dung ({0}) của báo cáo nhận {1} không đọc được ({2}). Hãy khôi phục từ bản sao lưu "
    "hoặc đồng bộ lại.":
        "The database is damaged: the content ({0}) of received report {1} cannot be read ({2}). Restore it from a "
        "backup or sync again.",
    "báo cáo có hai mục trùng {0} “{1}”": "the report has two items with the same {0} “{1}”",
}
