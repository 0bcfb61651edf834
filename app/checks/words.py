"""Word data of the spell check: confusions in context and foreign words official texts use.

Compiled for this application from common mistakes in administrative writing and
released with it under the MIT licence; no third-party word list is included.

Each confusion is a wrong phrase and its correction. Only phrases whose wrong form is
never right are listed ("giành"/"dành" appear only in phrases where one of them is
impossible), so a match is always worth a look.
"""
from __future__ import annotations

CONFUSIONS: dict[str, str] = {
    # s/x, ch/tr, d/gi/r, l/n
    "sát nhập": "sáp nhập", "sử lý": "xử lý", "sử lí": "xử lí", "xử dụng": "sử dụng",
    "xắp xếp": "sắp xếp", "xắp tới": "sắp tới", "sét duyệt": "xét duyệt", "sét nghiệm": "xét nghiệm",
    "sem xét": "xem xét", "sâm phạm": "xâm phạm", "sử phạt": "xử phạt", "suất sắc": "xuất sắc",
    "suất khẩu": "xuất khẩu", "suất bản": "xuất bản", "sản suất": "sản xuất", "đề suất": "đề xuất",
    "năng xuất": "năng suất", "lãi xuất": "lãi suất", "công xuất": "công suất", "tần xuất": "tần suất",
    "sơ xuất": "sơ suất", "xuất ăn": "suất ăn", "xâu sắc": "sâu sắc", "sâu chuỗi": "xâu chuỗi",
    "chia xẻ": "chia sẻ", "chính sát": "chính xác", "sác định": "xác định", "sác nhận": "xác nhận",
    "chuẩn đoán": "chẩn đoán", "chỉnh chu": "chỉn chu", "vô hình chung": "vô hình trung",
    "tựu chung": "tựu trung", "xán lạng": "xán lạn", "tham quang": "tham quan",
    "bảo chợ": "bảo trợ", "chợ cấp": "trợ cấp", "chợ giúp": "trợ giúp", "chẻ em": "trẻ em",
    "chách nhiệm": "trách nhiệm", "chiển khai": "triển khai", "giạy nghề": "dạy nghề",
    "dảm nghèo": "giảm nghèo", "dám sát": "giám sát", "giảm sát": "giám sát", "dán tiếp": "gián tiếp",
    "giao động": "dao động", "giành dụm": "dành dụm", "giành riêng": "dành riêng", "để giành": "để dành",
    "tranh dành": "tranh giành", "dành giật": "giành giật", "dành lấy": "giành lấy",
    "dành độc lập": "giành độc lập", "dành chiến thắng": "giành chiến thắng",
    "nao động": "lao động", "lao đông": "lao động", "việc nàm": "việc làm", "nàm việc": "làm việc",
    "lông thôn": "nông thôn", "lỗ lực": "nỗ lực", "lăng lực": "năng lực", "nãnh đạo": "lãnh đạo",
    # hỏi/ngã and other tones
    "hổ trợ": "hỗ trợ", "nổ lực": "nỗ lực", "sẳn sàng": "sẵn sàng", "cũng cố": "củng cố",
    "dể dàng": "dễ dàng", "nghĩ ngơi": "nghỉ ngơi", "suy nghỉ": "suy nghĩ", "giử gìn": "giữ gìn",
    "lảnh đạo": "lãnh đạo", "hướng dẩn": "hướng dẫn", "chĩ đạo": "chỉ đạo", "triễn khai": "triển khai",
    "kiễm tra": "kiểm tra", "bảo hiễm": "bảo hiểm", "sữa đổi": "sửa đổi", "sữa chữa": "sửa chữa",
    "rỏ ràng": "rõ ràng", "lể hội": "lễ hội", "biểu mẩu": "biểu mẫu", "trãi qua": "trải qua",
    "bải bỏ": "bãi bỏ", "cặn kẻ": "cặn kẽ", "củng như": "cũng như", "tuyên truyển": "tuyên truyền",
    "bồi dưởng": "bồi dưỡng", "kỷ năng": "kỹ năng", "thủ tụt": "thủ tục",
    # letters lost or swapped while typing
    "bắt buột": "bắt buộc", "gải quyết": "giải quyết", "đối tương": "đối tượng", "thương bình": "thương binh",
    "xã hôi": "xã hội", "chính xách": "chính sách", "ngừoi": "người",
    "nguời": "người", "đươc": "được", "thự hiện": "thực hiện", "thực hiệu": "thực hiện",
    "tổ chứ": "tổ chức", "kế hoặch": "kế hoạch", "kê hoạch": "kế hoạch",
}

#: Foreign words and loans official texts write as they are, checked in lower case.
FOREIGN = frozenset("""
website web facebook zalo email e-mail online internet video clip covid virus corona smartphone
app wifi fanpage poster banner logo slogan pano youtube hotline livestream gen buýt ok pa-nô ki-ốt ô-tô
""".split())
