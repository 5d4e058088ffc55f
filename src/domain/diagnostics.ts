/**
 * Diagnostics say something about the *payload*, never about the job: a Failed job is the job's status,
 * not a payload error (DESIGN.md, "Rules the normaliser must follow").
 * - error: the payload could not be read (syntax error, refused DOCTYPE, over a size cap, unsafe names);
 * - warning: it was read but looks wrong (end before start, a required node missing, a number that is not one);
 * - info: a tolerated quirk (trailing comma, no EventName, JobsDetail as an object).
 */
export type Severity = 'error' | 'warning' | 'info';

/** Where a diagnostic points, in the coordinates of the text given to `parsePayload` (1-based). */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
  /** 0-based UTF-16 offset into the input text. */
  readonly offset: number;
}

export interface Diagnostic {
  readonly severity: Severity;
  readonly code: DiagnosticCode;
  readonly message: { readonly en: string; readonly zh: string };
  readonly position?: SourcePosition;
  /** Source path of the node concerned, e.g. `Response.JobsDetail.StartTime`. */
  readonly path?: string;
}

interface CodeInfo {
  readonly severity: Severity;
  readonly en: string;
  readonly zh: string;
}

/** Stable codes: tests, links and support tickets refer to them, so they never change meaning. */
const CODES = {
  // errors: the payload could not be read
  'xml-unclosed-tag': { severity: 'error', en: 'XML: a tag is never closed', zh: 'XML：标签未闭合' },
  'xml-mismatched-tag': {
    severity: 'error',
    en: 'XML: closing tag does not match',
    zh: 'XML：结束标签不匹配',
  },
  'xml-unexpected-close': {
    severity: 'error',
    en: 'XML: closing tag without opening tag',
    zh: 'XML：结束标签没有对应的开始标签',
  },
  'xml-bad-entity': {
    severity: 'error',
    en: 'XML: bad entity or bare "&"',
    zh: 'XML：实体错误或未转义的 "&"',
  },
  'xml-invalid-char': { severity: 'error', en: 'XML: unexpected character', zh: 'XML：意外的字符' },
  'xml-stray-text': {
    severity: 'error',
    en: 'XML: text outside the root element',
    zh: 'XML：根元素之外有多余文本',
  },
  'xml-invalid-attribute': { severity: 'error', en: 'XML: invalid attribute', zh: 'XML：属性无效' },
  'xml-syntax': { severity: 'error', en: 'XML syntax error', zh: 'XML 语法错误' },
  'doctype-refused': {
    severity: 'error',
    en: 'DOCTYPE/ENTITY declarations are refused (CI never sends them)',
    zh: '拒绝 DOCTYPE/ENTITY 声明（数据万象回调从不包含）',
  },
  'unsafe-name': {
    severity: 'error',
    en: 'Unsafe element or key name (__proto__, constructor, prototype)',
    zh: '不安全的元素名或键名（__proto__、constructor、prototype）',
  },
  'nesting-too-deep': { severity: 'error', en: 'Nesting is too deep', zh: '嵌套层级过深' },
  'json-truncated': { severity: 'error', en: 'JSON: the text ends too early', zh: 'JSON：文本提前结束' },
  'json-unexpected-char': { severity: 'error', en: 'JSON: unexpected character', zh: 'JSON：意外的字符' },
  'json-bad-string': { severity: 'error', en: 'JSON: invalid string', zh: 'JSON：字符串无效' },
  'json-bad-number': { severity: 'error', en: 'JSON: invalid number', zh: 'JSON：数字无效' },
  'payload-too-large': { severity: 'error', en: 'Payload over the 16 MB cap', zh: '单个回调超过 16 MB 上限' },
  'too-many-containers': {
    severity: 'error',
    en: 'Too many objects and arrays (in XML: elements holding elements or attributes) in one payload (a limit against hostile input)',
    zh: '单个回调中的对象和数组（XML 中为含子元素或属性的元素）过多（防范恶意输入的上限）',
  },
  'too-many-names': {
    severity: 'error',
    en: 'Too many distinct names (keys, elements, attributes) in one payload (a limit against hostile input)',
    zh: '单个回调中不同的名称（键、元素、属性）过多（防范恶意输入的上限）',
  },
  'too-many-shapes': {
    severity: 'error',
    en: 'Too many distinct object shapes (orders of keys) in one payload (a limit against hostile input)',
    zh: '单个回调中不同的对象结构（键的顺序）过多（防范恶意输入的上限）',
  },
  'object-too-wide': {
    severity: 'error',
    en: 'An object with too many keys in one payload (a limit against hostile input)',
    zh: '单个回调中某个对象的键过多（防范恶意输入的上限）',
  },
  'too-many-attributes': {
    severity: 'error',
    en: 'Too many XML attributes in one payload (a limit against hostile input)',
    zh: '单个回调中的 XML 属性过多（防范恶意输入的上限）',
  },
  'input-too-large': { severity: 'error', en: 'Input over the size cap', zh: '输入超过大小上限' },
  'no-payload': { severity: 'error', en: 'No XML or JSON payload found', zh: '未找到 XML 或 JSON 回调内容' },
  'binary-input': {
    severity: 'error',
    en: 'This looks like a binary file, not a callback',
    zh: '这像是二进制文件，不是回调',
  },
  // warnings: read, but looks wrong
  'not-a-number': { severity: 'warning', en: 'A numeric node is not a number', zh: '数值节点不是数字' },
  'invalid-time': { severity: 'warning', en: 'A time cannot be read', zh: '无法识别的时间' },
  'end-before-start': {
    severity: 'warning',
    en: 'A time comes before the one it should follow',
    zh: '时间先后顺序不合理',
  },
  'missing-node': { severity: 'warning', en: 'A required node is missing', zh: '缺少必需的节点' },
  'unexpected-shape': { severity: 'warning', en: 'A node has an unexpected shape', zh: '节点结构不符合预期' },
  'unknown-state': { severity: 'warning', en: 'Unknown State value', zh: '未知的 State 值' },
  'content-type-mismatch': {
    severity: 'warning',
    en: 'Content-Type does not match the body',
    zh: 'Content-Type 与请求体格式不符',
  },
  'bidi-control': {
    severity: 'warning',
    en: 'Invisible bidirectional control characters: text may display in a misleading order',
    zh: '含不可见的双向控制字符：文本显示顺序可能具有误导性',
  },
  'replacement-character': {
    severity: 'warning',
    en: 'The text holds U+FFFD: it was not valid UTF-8, or characters were lost on the way',
    zh: '文本含 U+FFFD 替换字符：原文不是有效的 UTF-8，或传输中丢失了字符',
  },
  'implausible-duration': {
    severity: 'warning',
    en: 'A duration of more than 30 days',
    zh: '时长超过 30 天，不合常理',
  },
  'stray-control-character': {
    severity: 'warning',
    en: 'A control character outside any payload was skipped',
    zh: '已跳过回调内容之外的控制字符',
  },
  'payloads-run-together': {
    severity: 'warning',
    en: 'This payload starts on the line where the previous one ended, with nothing between them: read as a document of its own',
    zh: '此回调与上一条在同一行首尾相接，中间没有分隔：已作为单独的文档读取',
  },
  'duplicate-node': {
    severity: 'warning',
    en: 'A node that should appear once repeats',
    zh: '应只出现一次的节点重复出现',
  },
  // info: tolerated quirks
  'trailing-comma': {
    severity: 'info',
    en: 'Trailing comma (tolerated, as in Tencent docs)',
    zh: '末尾多余逗号（已容忍，腾讯文档中亦如此）',
  },
  'more-trailing-commas': {
    severity: 'info',
    en: 'More trailing commas (tolerated), not listed one by one',
    zh: '更多末尾多余逗号（已容忍），未逐一列出',
  },
  'no-event-name': {
    severity: 'info',
    en: 'No EventName (older callback format)',
    zh: '没有 EventName（旧版回调格式）',
  },
  'jobs-detail-object': {
    severity: 'info',
    en: 'JobsDetail is an object, not an array',
    zh: 'JobsDetail 是对象而非数组',
  },
  'no-response-root': {
    severity: 'info',
    en: 'Several roots without a Response wrapper',
    zh: '多个根节点，没有 Response 包裹',
  },
  'time-without-offset': {
    severity: 'info',
    en: 'A time without offset is read as +08:00',
    zh: '没有时区的时间按 +08:00 解读',
  },
  'skipped-lines': {
    severity: 'info',
    en: 'Lines without a payload were skipped',
    zh: '已跳过不含回调内容的行',
  },
  'content-version-mismatch': {
    severity: 'warning',
    en: 'The X-Ci-Content-Version header does not match the payload (Simple is snake_case, Detail PascalCase)',
    zh: 'X-Ci-Content-Version 请求头与回调内容不符（Simple 为下划线命名，Detail 为大驼峰命名）',
  },
  'encoded-input': {
    severity: 'info',
    en: 'The text looks encoded; decoded, it holds a payload',
    zh: '此文本似乎经过编码；解码后含有回调内容',
  },
  'wrapped-callback': {
    severity: 'warning',
    en: 'A callback is inside this record, at the path shown: a log’s own JSON (Docker, pino, ELK…) holds it, and it was not read',
    zh: '此记录内含一条回调（见所示路径）：它被日志自身的 JSON（Docker、pino、ELK 等）包裹，未被读取',
  },
  'wrapped-callback-part': {
    severity: 'warning',
    en: 'Part of a callback is inside this record, at the path shown: the log printed it over several records (as Docker does, a record a line). Unwrap the whole text to read it',
    zh: '此记录内含回调的一部分（见所示路径）：日志将其分成多条记录输出（如 Docker 每行一条记录）。解包整段文本即可读取',
  },
  'docker-record': {
    severity: 'info',
    en: 'A record of a Docker log (its json-file driver): unwrap the whole text to read the callbacks its records carry',
    zh: '这是一条 Docker 日志记录（json-file 驱动）：解包整段文本即可读取其记录中的回调',
  },
  'http-request': { severity: 'info', en: 'Read from an HTTP request dump', zh: '从 HTTP 请求记录中读取' },
  'byte-order-mark': { severity: 'info', en: 'Byte order mark ignored', zh: '已忽略字节顺序标记（BOM）' },
  'empty-input': { severity: 'info', en: 'The input is empty', zh: '输入为空' },
} as const satisfies Record<string, CodeInfo>;

export type DiagnosticCode = keyof typeof CODES;

export const DIAGNOSTIC_CODES = Object.keys(CODES) as readonly DiagnosticCode[];

export function severityOf(code: DiagnosticCode): Severity {
  return CODES[code].severity;
}

/**
 * Builds a diagnostic. `detail` is appended to the fixed message (e.g. the parser's own words, a node name);
 * it is payload-derived text, so the UI renders it as text only.
 */
export function diagnostic(
  code: DiagnosticCode,
  where: { position?: SourcePosition; path?: string; detail?: string; detailZh?: string } = {},
): Diagnostic {
  const info = CODES[code];
  const detail = where.detail === undefined ? undefined : visibleText(where.detail);
  const en = detail ? `${info.en}: ${detail}` : info.en;
  const zh = where.detailZh === undefined ? detail : visibleText(where.detailZh);
  const d: Diagnostic = {
    severity: info.severity,
    code,
    message: { en, zh: zh ? `${info.zh}：${zh}` : info.zh },
  };
  if (where.position) (d as { position?: SourcePosition }).position = where.position;
  if (where.path) (d as { path?: string }).path = where.path;
  return d;
}

/** How many lines a `skipped-lines` diagnostic says were skipped (its detail, at the end of its message). */
export function skippedLineCount(d: Diagnostic): number | undefined {
  if (d.code !== 'skipped-lines') return undefined;
  const digits = /: (\d+)$/.exec(d.message.en)?.[1];
  return digits === undefined ? undefined : Number(digits);
}

/**
 * Characters a detail must not quote raw (details often quote the input): control characters, line and format
 * separators, bidirectional controls, invisible ones, U+FEFF and halves of surrogate pairs.
 */
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- finding control characters is what this is for
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** `text` with every character of `INVISIBLE` written as `U+XXXX`, so a message shows what is there. */
export function visibleText(text: string): string {
  INVISIBLE.lastIndex = 0;
  if (!INVISIBLE.test(text)) return text;
  INVISIBLE.lastIndex = 0;
  return text.replace(INVISIBLE, (c) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

export function hasError(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
