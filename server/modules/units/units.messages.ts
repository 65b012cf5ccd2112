import { defineMessages } from '../../platform/i18n.ts';

export const unitsMessages = defineMessages({
  // Every module answers an unknown unit code in a body or a query string with this (400);
  // a code in the path that names no unit is 404 not_found.
  unknown_unit: {
    en: 'There is no unit with the code "{code}".',
    vi: 'Không có đơn vị hành chính nào có mã "{code}".',
    zh: '没有代码为"{code}"的行政区划。',
  },
  subunit_parent_level: {
    en: 'Hamlets and groups are added below a commune, a village or a hamlet, not below a unit of level "{level}".',
    vi: 'Thôn, xóm, tổ chỉ được thêm dưới xã, phường, thôn hoặc khối, không thêm dưới đơn vị cấp "{level}".',
    zh: '村民组只能添加在乡镇、村（社区）或自然村之下，不能添加在"{level}"级单位之下。',
  },
  unit_code_taken: {
    en: 'The code "{code}" is already used by another unit.',
    vi: 'Mã "{code}" đã được dùng cho một đơn vị khác.',
    zh: '代码"{code}"已被其他单位使用。',
  },
  unit_import_csv_malformed: {
    en: 'The file is not valid CSV (line {line}): {reason}',
    vi: 'Tệp không phải CSV hợp lệ (dòng {line}): {reason}',
    zh: '文件不是有效的 CSV（第 {line} 行）：{reason}',
  },
  unit_import_missing_columns: {
    en: 'The file lacks the column(s) {columns}. The first line must name at least code,name,level,parent_code.',
    vi: 'Tệp thiếu (các) cột {columns}. Dòng đầu tiên phải có ít nhất code,name,level,parent_code.',
    zh: '文件缺少列 {columns}。第一行至少须包含 code,name,level,parent_code。',
  },
  unit_import_unknown_columns: {
    en: 'The file has column(s) this import does not know: {columns}. Allowed: {allowed}.',
    vi: 'Tệp có (các) cột không được hỗ trợ: {columns}. Các cột hợp lệ: {allowed}.',
    zh: '文件包含无法识别的列：{columns}。允许的列：{allowed}。',
  },
  unit_import_empty: {
    en: 'The file has no units.',
    vi: 'Tệp không có đơn vị hành chính nào.',
    zh: '文件中没有任何行政区划。',
  },
  unit_import_missing_value: {
    en: 'Line {line}: {column} is empty.',
    vi: 'Dòng {line}: cột {column} đang để trống.',
    zh: '第 {line} 行：{column} 为空。',
  },
  unit_import_duplicate_code: {
    en: 'Line {line}: code {code} appears twice (first on line {first}).',
    vi: 'Dòng {line}: mã {code} xuất hiện hai lần (lần đầu ở dòng {first}).',
    zh: '第 {line} 行：代码 {code} 重复出现（首次在第 {first} 行）。',
  },
  unit_import_unknown_parent: {
    en: 'Line {line}: the parent {parent} of unit {code} is neither in the file nor in the database.',
    vi: 'Dòng {line}: đơn vị cấp trên {parent} của đơn vị {code} không có trong tệp cũng như trong cơ sở dữ liệu.',
    zh: '第 {line} 行：单位 {code} 的上级 {parent} 既不在文件中，也不在数据库中。',
  },
  unit_import_unknown_replacement: {
    en: 'Line {line}: unit {code} is replaced by {replacedBy}, which is neither in the file nor in the database.',
    vi: 'Dòng {line}: đơn vị {code} được thay thế bởi {replacedBy}, nhưng mã này không có trong tệp cũng như trong cơ sở dữ liệu.',
    zh: '第 {line} 行：单位 {code} 被 {replacedBy} 取代，但后者既不在文件中，也不在数据库中。',
  },
  unit_import_cycle: {
    en: 'Line {line}: unit {code} would become its own ancestor.',
    vi: 'Dòng {line}: đơn vị {code} sẽ trở thành cấp trên của chính nó.',
    zh: '第 {line} 行：单位 {code} 将成为自己的上级。',
  },
  unit_import_replacement_cycle: {
    en: 'Line {line}: the replacements starting at unit {code} go round in a circle.',
    vi: 'Dòng {line}: chuỗi thay thế bắt đầu từ đơn vị {code} quay vòng trở lại.',
    zh: '第 {line} 行：从单位 {code} 开始的取代关系形成了循环。',
  },
  unit_import_bad_date: {
    en: 'Line {line}: {column} "{value}" is not a date (YYYY-MM-DD).',
    vi: 'Dòng {line}: {column} "{value}" không phải là ngày (YYYY-MM-DD).',
    zh: '第 {line} 行：{column}“{value}”不是日期（YYYY-MM-DD）。',
  },
  unit_import_bad_validity: {
    en: 'Line {line}: unit {code} ends ({validTo}) before it begins ({validFrom}).',
    vi: 'Dòng {line}: đơn vị {code} có ngày kết thúc ({validTo}) trước ngày bắt đầu ({validFrom}).',
    zh: '第 {line} 行：单位 {code} 的终止日期（{validTo}）早于起始日期（{validFrom}）。',
  },
  unit_import_bad_country: {
    en: 'Line {line}: "{value}" is not a two-letter country code (such as VN or CN).',
    vi: 'Dòng {line}: "{value}" không phải mã quốc gia hai chữ cái (ví dụ VN hoặc CN).',
    zh: '第 {line} 行：“{value}”不是两个字母的国家代码（如 VN 或 CN）。',
  },
  unit_import_bad_time_zone: {
    en: 'Line {line}: "{value}" is not a time zone (such as Asia/Ho_Chi_Minh).',
    vi: 'Dòng {line}: "{value}" không phải múi giờ hợp lệ (ví dụ Asia/Ho_Chi_Minh).',
    zh: '第 {line} 行：“{value}”不是有效的时区（如 Asia/Shanghai）。',
  },
  unit_import_no_time_zone: {
    en: 'Line {line}: no time zone is known for country {country}; add a time_zone column or give one for the import.',
    vi: 'Dòng {line}: chưa biết múi giờ của quốc gia {country}; hãy thêm cột time_zone hoặc chỉ định múi giờ khi nhập.',
    zh: '第 {line} 行：不知道国家 {country} 的时区；请添加 time_zone 列或在导入时指定时区。',
  },
  unit_import_country_conflict: {
    en: 'Line {line}: code {code} already belongs to {name} in {stored}, not to a unit in {country}.',
    vi: 'Dòng {line}: mã {code} đã thuộc về {name} ({stored}), không phải một đơn vị của {country}.',
    zh: '第 {line} 行：代码 {code} 已属于 {stored} 的 {name}，而不是 {country} 的单位。',
  },
  unit_import_out_of_scope: {
    en: 'Line {line}: unit {code} lies outside the units you administer.',
    vi: 'Dòng {line}: đơn vị {code} nằm ngoài các đơn vị bạn quản trị.',
    zh: '第 {line} 行：单位 {code} 不在您管理的范围内。',
  },
  unit_import_china_unknown: {
    en: 'There is no unit {code} in the China administrative division data.',
    vi: 'Không có đơn vị {code} trong dữ liệu phân cấp hành chính Trung Quốc.',
    zh: '中国行政区划数据中没有代码为 {code} 的单位。',
  },
});
