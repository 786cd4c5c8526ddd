// What a result file must be: ONE definition, read by the 成绩汇总 page (resultread.js) and by
// `shuniu results report` (shuniu/quiz/results.py parses the JSON after "RESULT_RULES =").
// Version 1 files (before points) count 100 hundredths (1 point) an answer; version 2 answers carry
// `max`, the hundredths the question is worth. A composed paper's results (组卷) carry `exam.paper`, its id; an optional field is checked when present. Keep it plain JSON. Each field: [path, what it must be (said in messages), kind, min, max].
export const RESULT_RULES = {
  "format": "shuniu-result",
  "version": 2,
  "oldest_version": 1,
  "max_bytes": 5000000,
  "max_depth": 32,
  "max_digits": 18,
  "time": "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,6})?(Z|[+-]\\d{2}:\\d{2})$",
  "fields": [
    ["learner", "an object", "object"],
    ["learner.name", "non-empty text", "name"],
    ["learner.group", "text", "text"],
    ["exam", "an object", "object"],
    ["exam.banks", "a list", "list"],
    ["exam.tags", "a list of text", "texts"],
    ["exam.seed", "text", "text"],
    ["exam.count", "a whole number", "int"],
    ["exam.minutes", "a whole number from 1 to 600 or null", "int_or_null", 1, 600],
    ["exam.pass_mark", "a whole number from 0 to 100", "int", 0, 100],
    ["started", "an ISO 8601 time with a time zone", "time"],
    ["finished", "an ISO 8601 time with a time zone", "time"],
    ["auto_submitted", "true or false", "bool"],
    ["answers", "a list", "list"],
    ["score", "an object", "object"],
    ["score.points", "a whole number", "int"],
    ["score.max", "a whole number", "int"],
    ["score.percent", "a whole number from 0 to 100", "int", 0, 100],
    ["score.passed", "true or false", "bool"],
    ["checksum", "a sha256 hex digest", "sha256"]
  ],
  "optional_fields": [
    ["exam.paper", "a paper id (text)", "id"]
  ],
  "bank_fields": [
    ["id", "text", "id"],
    ["hash", "text", "text"]
  ],
  "answer_fields": [
    ["id", "text", "id"],
    ["type", "text", "text"],
    ["points", "a whole number from 0 to 10000", "int", 0, 10000],
    ["correct", "true or false", "bool"]
  ],
  "answer_fields_v2": [
    ["max", "a whole number from 1 to 10000", "int", 1, 10000]
  ]
};
