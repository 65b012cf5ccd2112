import { defineMessages } from '../../platform/i18n.ts';

export const importMessages = defineMessages({
  import_csv: {
    en: 'The CSV text cannot be read here: {reason}',
    vi: 'Không đọc được văn bản CSV tại đây: {reason}',
    zh: '此处的 CSV 文本无法读取：{reason}',
  },
  import_missing_columns: {
    en: 'The header line lacks the columns {columns}.',
    vi: 'Dòng tiêu đề thiếu các cột {columns}.',
    zh: '标题行缺少以下列：{columns}。',
  },
  import_missing_field: {
    en: 'The column {column} is empty.',
    vi: 'Cột {column} đang để trống.',
    zh: '{column} 列为空。',
  },
  import_bad_field: {
    en: 'The column {column} has a value that is not allowed: {value}',
    vi: 'Cột {column} có giá trị không hợp lệ: {value}',
    zh: '{column} 列的值不允许：{value}',
  },
  import_duplicate: {
    en: 'The same {what} is already on line {line} of this file.',
    vi: '{what} này đã có ở dòng {line} của tệp.',
    zh: '相同的 {what} 已出现在本文件第 {line} 行。',
  },
  import_unknown_agency: {
    en: 'No agency of {unit} is called “{name}”: write its name as the agency list shows it, or its number.',
    vi: 'Không có cơ quan nào của {unit} tên là “{name}”: hãy ghi tên như trong danh sách cơ quan, hoặc mã số của cơ quan.',
    zh: '{unit} 没有名为“{name}”的部门：请按部门列表中的名称填写，或填写其编号。',
  },
  import_ambiguous_agency: {
    en: '{count} agencies of {unit} are called “{name}”: write the number of the one meant.',
    vi: 'Có {count} cơ quan của {unit} cùng tên “{name}”: hãy ghi mã số của cơ quan cần chọn.',
    zh: '{unit} 有 {count} 个部门名为“{name}”：请填写所指部门的编号。',
  },
  import_too_many_rows: {
    en: 'At most {max} rows can be imported at once.',
    vi: 'Mỗi lần chỉ nhập được tối đa {max} dòng.',
    zh: '每次最多导入 {max} 行。',
  },
});
