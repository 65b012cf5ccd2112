/** What every answer must look like, whatever was sent. */
import { hasMessage, translate } from '../platform/i18n.ts';

// A stack frame ("at fn (file.ts:12:5)"), a Node error dump, or a file of the server.
const stackTrace = /\n\s+at\s|\bat\s+\S*\s*\(?(?:file:\/\/|\/)[^\s)]+:\d+:\d+|node_modules\/|\/server\/[\w/.-]+\.ts\b/;
// What PostgreSQL and Kysely put in their messages.
const sqlText =
  /syntax error at or near|violates (?:foreign key|unique|check|not-null|exclusion) constraint|invalid input syntax for|out of range for (?:type|integer)|relation "\w+" does not exist|column "?\w+"? (?:does not exist|of relation)|duplicate key value|invalid byte sequence for encoding|\b(?:SELECT\s.+\sFROM|INSERT INTO|UPDATE\s+"?\w+"?\s+SET|DELETE FROM)\b|\bSQLSTATE\b|date\/time field value out of range|unterminated quoted string/i;

/** Letters only Vietnamese writes: a Vietnamese message has at least one. */
const vietnamese = /[ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ]/i;

export interface Answer {
  statusCode: number;
  body: string;
  headers: Record<string, unknown>;
}

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** Problems with an answer, whatever the request; an empty list when it is fine. */
export function answerProblems(res: Answer, locale: 'vi' | 'en' = 'vi'): string[] {
  const problems: string[] = [];
  if (res.statusCode >= 500) problems.push(`status ${res.statusCode}`);
  if (stackTrace.test(res.body)) problems.push('a stack trace in the body');
  if (sqlText.test(res.body)) problems.push('SQL or database text in the body');
  if (res.statusCode < 400) return problems;
  const type = String(res.headers['content-type'] ?? '');
  if (!type.startsWith('application/json')) problems.push(`error content type ${type || 'missing'}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(res.body);
  } catch {
    problems.push('an error body that is not JSON');
    return problems;
  }
  const shape = errorShapeProblem(parsed);
  if (shape) {
    problems.push(shape);
    return problems;
  }
  const { code, message } = (parsed as ErrorBody).error;
  if (!hasMessage(code)) problems.push(`error code ${code} has no messages`);
  else {
    if (translate(code, 'vi') === translate(code, 'en')) problems.push(`error code ${code} has no Vietnamese message`);
    if (translate(code, 'zh') === translate(code, 'en')) problems.push(`error code ${code} has no Chinese message`);
  }
  if (locale === 'vi' && !vietnamese.test(message)) problems.push(`message not in Vietnamese: ${message.slice(0, 120)}`);
  return problems;
}

/** `{ error: { code: string, message: string, details? } }` and nothing else. */
export function errorShapeProblem(value: unknown): string | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return 'an error body that is not an object';
  const keys = Object.keys(value);
  if (keys.length !== 1 || keys[0] !== 'error') return `error body keys ${JSON.stringify(keys)}`;
  const error = (value as { error: unknown }).error;
  if (!error || typeof error !== 'object' || Array.isArray(error)) return 'error is not an object';
  const e = error as Record<string, unknown>;
  const extra = Object.keys(e).filter((k) => !['code', 'message', 'details'].includes(k));
  if (extra.length) return `error has extra keys ${extra.join(', ')}`;
  if (typeof e.code !== 'string' || !e.code) return 'error.code is not a string';
  if (typeof e.message !== 'string' || !e.message) return 'error.message is not a string';
  return undefined;
}
